# Keeps each endpoint's latencies sorted by scanning for the insertion point
# and inserting on every line: O(count^2) for a hot endpoint with ~10^5
# samples.
import math
import re

LINE = re.compile(r"([A-Z]+) ([^ ]+) ([0-9]{3}) ([0-9]+)ms")


def normalise(path: str) -> str:
    path = path.split("?", 1)[0]
    return "/".join(":id" if seg.isascii() and seg.isdigit() else seg for seg in path.split("/"))


def slowest_endpoints(lines: list[str], n: int) -> list[dict]:
    groups: dict[str, list[int]] = {}
    for line in lines:
        m = LINE.fullmatch(line)
        if not m:
            continue
        lats = groups.setdefault(m.group(1) + " " + normalise(m.group(2)), [])
        latency = int(m.group(4))
        i = 0
        while i < len(lats) and lats[i] <= latency:
            i += 1
        lats.insert(i, latency)
    rows = [{"endpoint": e, "p99": lats[math.ceil(len(lats) * 99 / 100) - 1]} for e, lats in groups.items()]
    rows.sort(key=lambda r: (-r["p99"], r["endpoint"]))
    return rows[:n]

# Keeps the latencies as the matched strings and sorts them as text, so "9"
# sorts after "10" and "100" and the wrong sample is picked as p99.
import math
import re
from collections import defaultdict

LINE = re.compile(r"([A-Z]+) ([^ ]+) ([0-9]{3}) ([0-9]+)ms")


def normalise(path: str) -> str:
    path = path.split("?", 1)[0]
    return "/".join(":id" if seg.isascii() and seg.isdigit() else seg for seg in path.split("/"))


def slowest_endpoints(lines: list[str], n: int) -> list[dict]:
    groups = defaultdict(list)
    paths = {}
    for line in lines:
        m = LINE.fullmatch(line)
        if m:
            method, path, _, latency = m.groups()
            if path not in paths:
                paths[path] = normalise(path)
            groups[method + " " + paths[path]].append(latency)
    rows = []
    for endpoint, lats in groups.items():
        lats.sort()
        rows.append({"endpoint": endpoint, "p99": int(lats[math.ceil(len(lats) * 99 / 100) - 1])})
    rows.sort(key=lambda r: (-r["p99"], r["endpoint"]))
    return rows[:n]

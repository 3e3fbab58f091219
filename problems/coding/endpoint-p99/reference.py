# Validate each line, normalise its endpoint, group latencies per endpoint,
# take the nearest-rank 99th percentile, sort the endpoints. O(L log L).
import re

# fullmatch, not "$": Python's "$" also matches before a trailing "\n".
LINE = re.compile(r"([A-Z]+) ([^ ]+) ([0-9]{3}) ([0-9]+)ms")


def _all_digits(seg: str) -> bool:
    # str.isdigit() alone accepts non-ASCII digits such as "²" or "٣".
    return seg != "" and seg.isascii() and seg.isdigit()


def normalise_path(path: str) -> str:
    """Drop the query string and replace every all-digit segment with ":id"."""
    q = path.find("?")
    if q != -1:
        path = path[:q]
    return "/".join(":id" if _all_digits(seg) else seg for seg in path.split("/"))


def slowest_endpoints(lines: list[str], n: int) -> list[dict]:
    groups: dict[str, list[int]] = {}
    normalised: dict[str, str] = {}  # raw path -> normalised path (hot paths repeat)
    fullmatch = LINE.fullmatch
    for line in lines:
        m = fullmatch(line)
        if m is None:
            continue
        method, path, _, latency = m.groups()
        norm = normalised.get(path)
        if norm is None:
            norm = normalised[path] = normalise_path(path)
        endpoint = method + " " + norm
        lst = groups.get(endpoint)
        if lst is None:
            groups[endpoint] = [int(latency)]
        else:
            lst.append(int(latency))

    rows = []
    for endpoint, lst in groups.items():
        lst.sort()
        rank = -(-99 * len(lst) // 100)  # exactly ceil(0.99 * count), in integers
        rows.append((lst[rank - 1], endpoint))
    # p99 descending, then endpoint ascending in JavaScript order. JavaScript
    # compares UTF-16 code units, Python code points: they differ only when a
    # path mixes characters above U+FFFF with ones in U+E000..U+FFFF. Comparing
    # the UTF-16-BE bytes is exactly JavaScript's order.
    rows.sort(key=lambda r: (-r[0], r[1].encode("utf-16-be", "surrogatepass")))
    return [{"endpoint": e, "p99": p} for p, e in rows[:n]]

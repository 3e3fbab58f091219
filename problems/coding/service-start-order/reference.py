# Kahn's algorithm with a min-heap of ready services, so each step takes the
# smallest ready name. O((V + E) log V).
#
# Python compares strings by code point, JavaScript by UTF-16 code unit; they
# agree on every string that has no character above U+FFFF, which includes all
# names allowed here (A-Z a-z 0-9 . _ -).
import heapq


def start_order(deps: dict[str, list[str]]) -> list[str] | None:
    indegree: dict[str, int] = {}
    nxt: dict[str, list[str]] = {}
    for service, lst in deps.items():
        indegree.setdefault(service, 0)
        nxt.setdefault(service, [])
        for dep in lst:  # duplicates kept: each counts once in and once out
            indegree.setdefault(dep, 0)
            nxt.setdefault(dep, [])
    for service, lst in deps.items():
        for dep in lst:
            nxt[dep].append(service)
            indegree[service] += 1

    ready = [s for s, d in indegree.items() if d == 0]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        s = heapq.heappop(ready)
        order.append(s)
        for after in nxt[s]:
            indegree[after] -= 1
            if indegree[after] == 0:
                heapq.heappush(ready, after)
    return order if len(order) == len(indegree) else None

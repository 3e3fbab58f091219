# Right algorithm, but orders ready names case-insensitively (heap keyed by
# name.lower()), so "a" comes before "B" and "Svc" ties with "svc".
import heapq
from collections import defaultdict


def start_order(deps: dict[str, list[str]]) -> list[str] | None:
    indegree: dict[str, int] = {}
    nxt: dict[str, list[str]] = defaultdict(list)
    for s, lst in deps.items():
        indegree.setdefault(s, 0)
        for d in lst:
            indegree.setdefault(d, 0)
            nxt[d].append(s)
            indegree[s] += 1
    ready = [(s.lower(), s) for s, d in indegree.items() if d == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        _, s = heapq.heappop(ready)
        order.append(s)
        for t in nxt[s]:
            indegree[t] -= 1
            if indegree[t] == 0:
                heapq.heappush(ready, (t.lower(), t))
    return order if len(order) == len(indegree) else None

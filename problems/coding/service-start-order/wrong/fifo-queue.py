# Kahn's algorithm with a plain FIFO deque, seeded in sorted order. A valid
# start order, but not the lexicographically smallest: a service that becomes
# ready later never overtakes names already queued.
from collections import defaultdict, deque


def start_order(deps: dict[str, list[str]]) -> list[str] | None:
    indegree: dict[str, int] = {}
    nxt: dict[str, list[str]] = defaultdict(list)
    for s, lst in deps.items():
        indegree.setdefault(s, 0)
        for d in lst:
            indegree.setdefault(d, 0)
            nxt[d].append(s)
            indegree[s] += 1
    queue = deque(sorted(s for s, d in indegree.items() if d == 0))
    order = []
    while queue:
        s = queue.popleft()
        order.append(s)
        freed = []
        for t in nxt[s]:
            indegree[t] -= 1
            if indegree[t] == 0:
                freed.append(t)
        queue.extend(sorted(freed))
    return order if len(order) == len(indegree) else None

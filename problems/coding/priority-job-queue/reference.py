# Event simulation with two heaps: waiting jobs keyed by
# (-priority, arrival, index), and finish times of running jobs. O(n log n).
import heapq


def start_times(workers: int, jobs: list[list[int]]) -> list[int]:
    n = len(jobs)
    start = [0] * n
    order = sorted(range(n), key=lambda i: (jobs[i][0], i))  # by arrival, then index
    queue: list[tuple[int, int, int]] = []  # (-priority, arrival, index): best first
    busy: list[int] = []  # finish times of running jobs
    nxt = 0
    idle = workers
    while nxt < n or queue:
        # The next event: an arrival or a finish, whichever comes first.
        t = jobs[order[nxt]][0] if nxt < n else None
        if busy and (t is None or busy[0] < t):
            t = busy[0]
        # 1. finishes at t free their workers
        while busy and busy[0] <= t:
            heapq.heappop(busy)
            idle += 1
        # 2. arrivals at t join the queue
        while nxt < n and jobs[order[nxt]][0] <= t:
            i = order[nxt]
            arrival, _, priority = jobs[i]
            heapq.heappush(queue, (-priority, arrival, i))
            nxt += 1
        # 3. idle workers take the best queued jobs
        while idle > 0 and queue:
            i = heapq.heappop(queue)[2]
            start[i] = t
            heapq.heappush(busy, t + jobs[i][1])
            idle -= 1
    return start

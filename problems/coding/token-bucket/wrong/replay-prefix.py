# Recomputes the bucket level from scratch for every request by replaying all
# earlier requests. Correct, but O(n^2) for 10^5 requests.


def level_before(cap: int, refill: int, ts: list[int], i: int) -> int:
    tokens = cap
    for j in range(i):
        if j > 0:
            tokens = min(cap, tokens + (ts[j] - ts[j - 1]) * refill)
        if tokens >= 1000:
            tokens -= 1000
    if i > 0:
        tokens = min(cap, tokens + (ts[i] - ts[i - 1]) * refill)
    return tokens


def allow_requests(capacity: int, refill_per_second: int, timestamps_ms: list[int]) -> list[bool]:
    cap = capacity * 1000
    return [level_before(cap, refill_per_second, timestamps_ms, i) >= 1000 for i in range(len(timestamps_ms))]

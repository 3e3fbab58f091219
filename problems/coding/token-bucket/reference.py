# Integer millitokens: refill for the time since the previous request, cap at
# capacity * 1000, then spend 1000 if available. O(n).


def allow_requests(capacity: int, refill_per_second: int, timestamps_ms: list[int]) -> list[bool]:
    cap = capacity * 1000
    tokens = cap  # full at the first request
    last = timestamps_ms[0] if timestamps_ms else 0
    out: list[bool] = []
    for t in timestamps_ms:
        tokens = min(cap, tokens + (t - last) * refill_per_second)
        last = t
        if tokens >= 1000:
            tokens -= 1000
            out.append(True)
        else:
            out.append(False)
    return out

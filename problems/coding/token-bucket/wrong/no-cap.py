# Refills without capping at capacity, so a long idle period lets a burst far
# larger than the bucket through.


def allow_requests(capacity: int, refill_per_second: int, timestamps_ms: list[int]) -> list[bool]:
    tokens = capacity * 1000
    last = timestamps_ms[0] if timestamps_ms else 0
    out = []
    for t in timestamps_ms:
        tokens += (t - last) * refill_per_second
        last = t
        if tokens >= 1000:
            tokens -= 1000
            out.append(True)
        else:
            out.append(False)
    return out

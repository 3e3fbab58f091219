# Two pointers: the window requests[lo:hi] only moves forward. O(n).


def peak_error_rate(requests: list[list[int]], window_sec: int, min_requests: int) -> float:
    n = len(requests)
    lo = hi = 0
    errors = 0
    best = 0.0
    while hi < n:
        t = requests[hi][0]
        # Take in every request at t before evaluating.
        while hi < n and requests[hi][0] == t:
            if requests[hi][1] >= 500:
                errors += 1
            hi += 1
        # Drop requests at or before t - window_sec.
        while requests[lo][0] <= t - window_sec:
            if requests[lo][1] >= 500:
                errors -= 1
            lo += 1
        total = hi - lo
        if total >= min_requests and errors / total > best:
            best = errors / total
    return best

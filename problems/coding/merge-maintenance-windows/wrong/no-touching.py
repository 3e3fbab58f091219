# Treats touching windows as separate: [1,3) and [3,5) stay apart because the
# merge test is start < end instead of start <= end.


def merge_windows(windows: list[list[int]]) -> list[list[int]]:
    out: list[list[int]] = []
    for start, end in sorted(windows, key=lambda w: w[0]):
        if out and start < out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return out

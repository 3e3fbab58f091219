# Sort by start, then sweep: a window joins the current block when it starts
# at or before the block's end (touching counts). O(n log n).


def merge_windows(windows: list[list[int]]) -> list[list[int]]:
    out: list[list[int]] = []
    for start, end in sorted(windows, key=lambda w: w[0]):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1][1] = end
        else:
            out.append([start, end])
    return out

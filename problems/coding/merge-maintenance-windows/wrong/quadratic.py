# Keeps a list of disjoint merged windows and, for every new window, scans the
# whole list for windows it overlaps or touches. Correct, but O(n^2) when most
# windows stay separate.


def merge_windows(windows: list[list[int]]) -> list[list[int]]:
    merged: list[list[int]] = []
    for start, end in windows:
        rest = []
        for m in merged:
            if m[0] <= end and start <= m[1]:
                start = min(start, m[0])
                end = max(end, m[1])
            else:
                rest.append(m)
        rest.append([start, end])
        merged = rest
    return sorted(merged)

# Validate each line with a regex plus calendar checks, convert to a UTC minute
# number, count per minute in a dict, sort the minutes. O(L + M log M).
import re
from datetime import date

# [0-9], not \d: Python's \d also matches non-ASCII digits. \Z, not $: "$" also
# matches before a trailing "\n".
LINE = re.compile(
    r"([0-9]{4}-[0-9]{2}-[0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.[0-9]{1,9})?"
    r"(?:Z|([+-])([0-9]{2}):([0-9]{2})) (DEBUG|INFO|WARN|ERROR)(?: |\Z)"
)
DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def day_number(ymd: str) -> int | None:
    """Days since 0001-01-01 (proleptic Gregorian ordinal) for "YYYY-MM-DD", None if no such day."""
    y, mo, d = int(ymd[0:4]), int(ymd[5:7]), int(ymd[8:10])
    if not 1 <= mo <= 12:
        return None
    leap = (y % 4 == 0 and y % 100 != 0) or y % 400 == 0
    if not 1 <= d <= (29 if mo == 2 and leap else DAYS[mo]):
        return None
    return date(y, mo, d).toordinal()


def level_rollup(lines: list[str]) -> list[dict]:
    buckets: dict[int, dict] = {}  # UTC minute number -> counts
    days: dict[str, int | None] = {}  # "YYYY-MM-DD" -> day number (cache)
    match = LINE.match
    for line in lines:
        m = match(line)
        if m is None:
            continue
        ymd, h, mi, s, sign, oh, om, level = m.groups()
        if ymd in days:
            day = days[ymd]
        else:
            day = days[ymd] = day_number(ymd)
        h, mi = int(h), int(mi)
        if day is None or h > 23 or mi > 59 or int(s) > 59:
            continue
        offset = 0
        if sign is not None:
            oh, om = int(oh), int(om)
            if oh > 23 or om > 59:
                continue
            offset = (oh * 60 + om) if sign == "+" else -(oh * 60 + om)
        # UTC = local time - offset.
        minute = (day * 24 + h) * 60 + mi - offset
        b = buckets.get(minute)
        if b is None:
            b = buckets[minute] = {"minute": "", "debug": 0, "info": 0, "warn": 0, "error": 0}
        b[level.lower()] += 1

    out = []
    for minute in sorted(buckets):
        b = buckets[minute]
        day, rest = divmod(minute, 1440)
        b["minute"] = f"{date.fromordinal(day).isoformat()}T{rest // 60:02d}:{rest % 60:02d}Z"
        out.append(b)
    return out

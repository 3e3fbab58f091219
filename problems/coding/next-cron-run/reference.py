# Parse each field into a table of allowed values, then walk forward one day
# at a time (at most 1831 days), skipping days whose month or day fields do
# not match; on a matching day pick the first allowed hour and minute.
from datetime import date

DAY_MIN = 24 * 60
WINDOW_MIN = 5 * 366 * DAY_MIN


def parse_field(field: str, lo: int, hi: int) -> list[bool]:
    allowed = [False] * (hi + 1)
    for item in field.split(","):
        range_text, _, step_text = item.partition("/")
        step = int(step_text) if step_text else 1
        if range_text == "*":
            start, end = lo, hi
        elif "-" in range_text:
            a, b = range_text.split("-")
            start, end = int(a), int(b)
        else:
            start = end = int(range_text)
        for v in range(start, end + 1, step):
            allowed[v] = True
    return allowed


def next_cron_run(expr: str, after: str) -> str:
    min_f, hour_f, dom_f, mon_f, dow_f = expr.split(" ")
    minutes = parse_field(min_f, 0, 59)
    hours = parse_field(hour_f, 0, 23)
    doms = parse_field(dom_f, 1, 31)
    months = parse_field(mon_f, 1, 12)
    dows = parse_field(dow_f, 0, 7)
    if dows[7]:
        dows[0] = True  # 7 is Sunday too
    either = dom_f != "*" and dow_f != "*"

    # Minutes since 0001-01-01T00:00 ("YYYY-MM-DDTHH:MM:00Z").
    d0 = date(int(after[0:4]), int(after[5:7]), int(after[8:10]))
    after_min = d0.toordinal() * DAY_MIN + int(after[11:13]) * 60 + int(after[14:16])
    first = after_min + 1  # strictly after
    last = after_min + WINDOW_MIN  # inclusive

    for day in range(first // DAY_MIN, last // DAY_MIN + 1):
        d = date.fromordinal(day)
        if not months[d.month]:
            continue
        dom_ok = doms[d.day]
        dow_ok = dows[d.isoweekday() % 7]  # cron: Sunday = 0; isoweekday: Sunday = 7
        if not ((dom_ok or dow_ok) if either else (dom_ok and dow_ok)):
            continue
        day_start = day * DAY_MIN
        start_minute = first - day_start if day_start < first else 0
        for h in range(start_minute // 60, 24):
            if not hours[h]:
                continue
            for m in range(max(start_minute - h * 60, 0), 60):
                if not minutes[m]:
                    continue
                if day_start + h * 60 + m > last:
                    return ""
                return f"{d.year:04d}-{d.month:02d}-{d.day:02d}T{h:02d}:{m:02d}:00Z"
    return ""

# Checks every minute after `after`, one by one, with a datetime until one
# matches. Correct, but when the next run is years away (or never comes) that
# is up to 2.6 million datetime steps per call.
from datetime import datetime, timedelta


def expand(field: str, lo: int, hi: int) -> set[int]:
    values = set()
    for item in field.split(","):
        rng, _, step = item.partition("/")
        s = int(step) if step else 1
        if rng == "*":
            a, b = lo, hi
        else:
            parts = [int(x) for x in rng.split("-")]
            a, b = parts[0], parts[-1]
        values.update(range(a, b + 1, s))
    return values


def next_cron_run(expr: str, after: str) -> str:
    f = expr.split(" ")
    mins = expand(f[0], 0, 59)
    hours = expand(f[1], 0, 23)
    doms = expand(f[2], 1, 31)
    months = expand(f[3], 1, 12)
    dows = expand(f[4], 0, 7)
    if 7 in dows:
        dows.add(0)
    or_rule = f[2] != "*" and f[4] != "*"
    start = datetime.strptime(after, "%Y-%m-%dT%H:%M:%SZ")
    end = start + timedelta(days=5 * 366)
    t = start + timedelta(minutes=1)
    while t <= end:
        if t.minute in mins and t.hour in hours and t.month in months:
            dom_ok = t.day in doms
            dow_ok = t.isoweekday() % 7 in dows
            if (dom_ok or dow_ok) if or_rule else (dom_ok and dow_ok):
                return t.strftime("%Y-%m-%dT%H:%M:00Z")
        t += timedelta(minutes=1)
    return ""

// Parse each field into a table of allowed values, then walk forward one day
// at a time (at most 1831 days), skipping days whose month or day fields do
// not match; on a matching day pick the first allowed hour and minute.
const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const WINDOW_MS = 5 * 366 * DAY_MS;

function parseField(field, lo, hi) {
  const allowed = new Array(hi + 1).fill(false);
  for (const item of field.split(",")) {
    const [range, stepText] = item.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    let from;
    let to;
    if (range === "*") {
      from = lo;
      to = hi;
    } else if (range.includes("-")) {
      [from, to] = range.split("-").map(Number);
    } else {
      from = to = Number(range);
    }
    for (let v = from; v <= to; v += step) allowed[v] = true;
  }
  return allowed;
}

function pad(n, width) {
  return String(n).padStart(width, "0");
}

function nextCronRun(expr, after) {
  const [minF, hourF, domF, monF, dowF] = expr.split(" ");
  const minutes = parseField(minF, 0, 59);
  const hours = parseField(hourF, 0, 23);
  const doms = parseField(domF, 1, 31);
  const months = parseField(monF, 1, 12);
  const dows = parseField(dowF, 0, 7);
  if (dows[7]) dows[0] = true; // 7 is Sunday too
  const either = domF !== "*" && dowF !== "*";

  const afterMs = Date.parse(after);
  const first = afterMs + MINUTE_MS; // strictly after
  const last = afterMs + WINDOW_MS; // inclusive
  for (let day = first - (first % DAY_MS); day <= last; day += DAY_MS) {
    const d = new Date(day);
    if (!months[d.getUTCMonth() + 1]) continue;
    const domOk = doms[d.getUTCDate()];
    const dowOk = dows[d.getUTCDay()];
    if (either ? !(domOk || dowOk) : !(domOk && dowOk)) continue;
    const startMinute = day < first ? (first - day) / MINUTE_MS : 0;
    for (let h = Math.floor(startMinute / 60); h < 24; h++) {
      if (!hours[h]) continue;
      const m0 = h * 60 < startMinute ? startMinute - h * 60 : 0;
      for (let m = m0; m < 60; m++) {
        if (!minutes[m]) continue;
        const t = day + (h * 60 + m) * MINUTE_MS;
        if (t > last) return "";
        const y = d.getUTCFullYear();
        return `${pad(y, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}T${pad(h, 2)}:${pad(m, 2)}:00Z`;
      }
    }
  }
  return "";
}

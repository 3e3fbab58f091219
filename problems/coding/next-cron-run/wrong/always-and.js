// Requires both day fields to match, always: "0 0 13 * 5" then means only
// Friday the 13th instead of "the 13th or any Friday".
const DAY = 86400000;

function expand(field, lo, hi) {
  const ok = [];
  for (const item of field.split(",")) {
    const [range, step] = item.split("/");
    const s = step ? Number(step) : 1;
    const [a, b] = range === "*" ? [lo, hi] : range.includes("-") ? range.split("-").map(Number) : [Number(range), Number(range)];
    for (let v = a; v <= b; v += s) ok[v] = true;
  }
  return ok;
}

function nextCronRun(expr, after) {
  const [mi, ho, dm, mo, dw] = expr.split(" ");
  const mins = expand(mi, 0, 59), hours = expand(ho, 0, 23), doms = expand(dm, 1, 31), months = expand(mo, 1, 12), dows = expand(dw, 0, 7);
  if (dows[7]) dows[0] = true;
  const start = Date.parse(after) + 60000;
  const end = Date.parse(after) + 1830 * DAY;
  for (let day = Math.floor(start / DAY) * DAY; day <= end; day += DAY) {
    const d = new Date(day);
    if (!months[d.getUTCMonth() + 1] || !doms[d.getUTCDate()] || !dows[d.getUTCDay()]) continue;
    for (let m = 0; m < 1440; m++) {
      const t = day + m * 60000;
      if (t < start || !hours[Math.floor(m / 60)] || !mins[m % 60]) continue;
      return t <= end ? new Date(t).toISOString().slice(0, 17) + "00Z" : "";
    }
  }
  return "";
}

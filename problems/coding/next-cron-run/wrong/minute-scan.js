// Checks every minute after `after`, one by one, until one matches. Correct,
// but when the next run is years away (or never comes) that is up to
// 2.6 million Date objects per call.
function expand(field, lo, hi) {
  const values = new Set();
  for (const item of field.split(",")) {
    const [range, step] = item.split("/");
    const s = step ? parseInt(step, 10) : 1;
    let a = lo;
    let b = hi;
    if (range !== "*") {
      const parts = range.split("-").map((x) => parseInt(x, 10));
      a = parts[0];
      b = parts.length > 1 ? parts[1] : parts[0];
    }
    for (let v = a; v <= b; v += s) values.add(v);
  }
  return values;
}

function nextCronRun(expr, after) {
  const f = expr.split(" ");
  const mins = expand(f[0], 0, 59);
  const hours = expand(f[1], 0, 23);
  const doms = expand(f[2], 1, 31);
  const months = expand(f[3], 1, 12);
  const dows = expand(f[4], 0, 7);
  if (dows.has(7)) dows.add(0);
  const orRule = f[2] !== "*" && f[4] !== "*";
  const start = Date.parse(after);
  const end = start + 5 * 366 * 24 * 60 * 60 * 1000;
  for (let t = start + 60000; t <= end; t += 60000) {
    const d = new Date(t);
    if (!mins.has(d.getUTCMinutes()) || !hours.has(d.getUTCHours())) continue;
    if (!months.has(d.getUTCMonth() + 1)) continue;
    const domOk = doms.has(d.getUTCDate());
    const dowOk = dows.has(d.getUTCDay());
    if (orRule ? domOk || dowOk : domOk && dowOk) return d.toISOString().slice(0, 17) + "00Z";
  }
  return "";
}

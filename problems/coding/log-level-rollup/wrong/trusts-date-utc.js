// Bug: relies on Date.UTC for validation; it silently rolls 2023-02-29 over to
// March 1 (and 04-31 to 05-01) instead of rejecting the line.
function levelRollup(lines) {
  const LINE =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|([+-])(\d{2}):(\d{2})) (DEBUG|INFO|WARN|ERROR)(?: |$)/;
  const buckets = new Map();
  for (const line of lines) {
    const m = LINE.exec(line);
    if (!m) continue;
    const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) continue;
    let offset = 0;
    if (m[7]) {
      if (+m[8] > 23 || +m[9] > 59) continue;
      offset = (m[7] === "+" ? 1 : -1) * (+m[8] * 60 + +m[9]);
    }
    const key = Date.UTC(y, mo - 1, d, h, mi) / 60000 - offset;
    if (!buckets.has(key)) buckets.set(key, { minute: "", debug: 0, info: 0, warn: 0, error: 0 });
    buckets.get(key)[m[10].toLowerCase()]++;
  }
  return [...buckets.keys()].sort((a, b) => a - b).map((k) => {
    const b = buckets.get(k);
    b.minute = new Date(k * 60000).toISOString().slice(0, 16) + "Z";
    return b;
  });
}

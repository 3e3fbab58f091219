// Bug: validates the offset but buckets by the local clock, as if every host ran UTC.
function levelRollup(lines) {
  const LINE =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|([+-])(\d{2}):(\d{2})) (DEBUG|INFO|WARN|ERROR)(?: |$)/;
  const daysIn = (y, m) =>
    m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  const buckets = new Map();
  for (const line of lines) {
    const m = LINE.exec(line);
    if (!m) continue;
    const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
    if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || s > 59) continue;
    if (m[7] && (+m[8] > 23 || +m[9] > 59)) continue;
    const minute = line.slice(0, 16) + "Z";
    if (!buckets.has(minute)) buckets.set(minute, { minute, debug: 0, info: 0, warn: 0, error: 0 });
    buckets.get(minute)[m[10].toLowerCase()]++;
  }
  return [...buckets.values()].sort((a, b) => (a.minute < b.minute ? -1 : a.minute > b.minute ? 1 : 0));
}

// Bug: the level is matched with startsWith, so "WARNING" and "ERRORS:" count.
function levelRollup(lines) {
  const TS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|([+-])(\d{2}):(\d{2})) /;
  const LEVELS = ["DEBUG", "INFO", "WARN", "ERROR"];
  const daysIn = (y, m) =>
    m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  const buckets = new Map();
  for (const line of lines) {
    const m = TS.exec(line);
    if (!m) continue;
    const rest = line.slice(m[0].length);
    const level = LEVELS.find((l) => rest.startsWith(l));
    if (!level) continue;
    const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
    if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || s > 59) continue;
    let offset = 0;
    if (m[7]) {
      if (+m[8] > 23 || +m[9] > 59) continue;
      offset = (m[7] === "+" ? 1 : -1) * (+m[8] * 60 + +m[9]);
    }
    const key = Date.UTC(y, mo - 1, d, h, mi) / 60000 - offset;
    if (!buckets.has(key)) buckets.set(key, { minute: "", debug: 0, info: 0, warn: 0, error: 0 });
    buckets.get(key)[level.toLowerCase()]++;
  }
  return [...buckets.keys()].sort((a, b) => a - b).map((k) => {
    const b = buckets.get(k);
    b.minute = new Date(k * 60000).toISOString().slice(0, 16) + "Z";
    return b;
  });
}

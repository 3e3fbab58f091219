// Correct parsing, but buckets live in an array searched with findIndex per line.
function levelRollup(lines) {
  const LINE =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|([+-])(\d{2}):(\d{2})) (DEBUG|INFO|WARN|ERROR)(?: |$)/;
  const daysIn = (y, m) =>
    m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  const buckets = [];
  for (const line of lines) {
    const m = LINE.exec(line);
    if (!m) continue;
    const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
    if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || s > 59) continue;
    let offset = 0;
    if (m[7]) {
      if (+m[8] > 23 || +m[9] > 59) continue;
      offset = (m[7] === "+" ? 1 : -1) * (+m[8] * 60 + +m[9]);
    }
    const key = Date.UTC(y, mo - 1, d, h, mi) / 60000 - offset;
    let i = buckets.findIndex((b) => b.key === key);
    if (i === -1) {
      buckets.push({ key, debug: 0, info: 0, warn: 0, error: 0 });
      i = buckets.length - 1;
    }
    buckets[i][m[10].toLowerCase()]++;
  }
  buckets.sort((a, b) => a.key - b.key);
  return buckets.map(({ key, debug, info, warn, error }) => ({
    minute: new Date(key * 60000).toISOString().slice(0, 16) + "Z",
    debug,
    info,
    warn,
    error,
  }));
}

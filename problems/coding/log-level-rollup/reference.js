function levelRollup(lines) {
  const LINE =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|([+-])(\d{2}):(\d{2})) (DEBUG|INFO|WARN|ERROR)(?: |$)/;
  const daysIn = (y, m) =>
    m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

  const buckets = new Map(); // UTC minute number -> { minute, debug, info, warn, error }
  for (const line of lines) {
    const m = LINE.exec(line);
    if (!m) continue;
    const y = +m[1], mo = +m[2], d = +m[3], h = +m[4], mi = +m[5], s = +m[6];
    if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || s > 59) continue;
    let offset = 0;
    if (m[7]) {
      const oh = +m[8], om = +m[9];
      if (oh > 23 || om > 59) continue;
      offset = (m[7] === "+" ? 1 : -1) * (oh * 60 + om);
    }
    const minute = Date.UTC(y, mo - 1, d, h, mi) / 60000 - offset;
    let b = buckets.get(minute);
    if (!b) {
      b = { minute: "", debug: 0, info: 0, warn: 0, error: 0 };
      buckets.set(minute, b);
    }
    b[m[10].toLowerCase()]++;
  }
  const keys = [...buckets.keys()].sort((a, b) => a - b);
  return keys.map((k) => {
    const b = buckets.get(k);
    b.minute = new Date(k * 60000).toISOString().slice(0, 16) + "Z";
    return b;
  });
}

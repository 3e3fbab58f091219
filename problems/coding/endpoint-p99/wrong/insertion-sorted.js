// Keeps each endpoint's latencies sorted as they arrive: linear search for the
// position, then splice. Correct, but O(count^2) for a busy endpoint.
function normalise(path) {
  const bare = path.split("?")[0];
  return bare.split("/").map((s) => (/^\d+$/.test(s) ? ":id" : s)).join("/");
}

function slowestEndpoints(lines, n) {
  const groups = {};
  for (const line of lines) {
    const m = /^([A-Z]+) ([^ ]+) (\d{3}) (\d+)ms$/.exec(line);
    if (!m) continue;
    const key = m[1] + " " + normalise(m[2]);
    const value = Number(m[4]);
    const list = groups[key] || (groups[key] = []);
    let i = 0;
    while (i < list.length && list[i] <= value) i++;
    list.splice(i, 0, value);
  }
  return Object.keys(groups)
    .map((endpoint) => {
      const list = groups[endpoint];
      return { endpoint, p99: list[Math.ceil(list.length * 0.99) - 1] };
    })
    .sort((a, b) => b.p99 - a.p99 || (a.endpoint < b.endpoint ? -1 : 1))
    .slice(0, n);
}

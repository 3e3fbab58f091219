// Validate each line, normalise its endpoint, group latencies per endpoint,
// take the nearest-rank 99th percentile, sort the endpoints. O(n log n).
const LINE = /^([A-Z]+) ([^ ]+) ([0-9]{3}) ([0-9]+)ms$/;

// Drop the query string and replace every all-digit segment with ":id".
function normalisePath(path) {
  let end = path.indexOf("?");
  if (end === -1) end = path.length;
  let out = "";
  let segStart = 0;
  let allDigits = true;
  for (let i = 0; i <= end; i++) {
    const c = i < end ? path.charCodeAt(i) : 47; // the end closes the last segment
    if (c === 47) {
      out += allDigits && i > segStart ? ":id" : path.slice(segStart, i);
      if (i < end) out += "/";
      segStart = i + 1;
      allDigits = true;
    } else if (c < 48 || c > 57) {
      allDigits = false;
    }
  }
  return out;
}

function slowestEndpoints(lines, n) {
  const groups = new Map(); // endpoint -> latencies
  for (const line of lines) {
    const m = LINE.exec(line);
    if (m === null) continue;
    const endpoint = m[1] + " " + normalisePath(m[2]);
    const latency = Number(m[4]);
    const list = groups.get(endpoint);
    if (list === undefined) groups.set(endpoint, [latency]);
    else list.push(latency);
  }
  const rows = [];
  for (const [endpoint, list] of groups) {
    const sorted = Float64Array.from(list).sort(); // typed arrays sort numerically
    const rank = Math.ceil((99 * list.length) / 100); // exactly ⌈0.99·count⌉
    rows.push({ endpoint, p99: sorted[rank - 1] });
  }
  rows.sort((a, b) => b.p99 - a.p99 || (a.endpoint < b.endpoint ? -1 : a.endpoint > b.endpoint ? 1 : 0));
  return rows.slice(0, n);
}

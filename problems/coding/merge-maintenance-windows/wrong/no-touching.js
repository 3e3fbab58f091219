// Treats touching windows as separate: [1,3) and [3,5) stay apart because the
// merge test is start < end instead of start <= end.
function mergeWindows(windows) {
  const sorted = windows.map((w) => [w[0], w[1]]).sort((a, b) => a[0] - b[0]);
  const out = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last && start < last[1]) {
      last[1] = Math.max(last[1], end);
    } else {
      out.push([start, end]);
    }
  }
  return out;
}

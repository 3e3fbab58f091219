// Sort by start, then sweep: a window joins the current block when it starts
// at or before the block's end (touching counts). O(n log n).
function mergeWindows(windows) {
  const sorted = windows.slice().sort((a, b) => a[0] - b[0]);
  const out = [];
  let start = 0;
  let end = -1;
  for (const w of sorted) {
    if (w[0] <= end) {
      if (w[1] > end) end = w[1];
    } else {
      if (end >= 0) out.push([start, end]);
      start = w[0];
      end = w[1];
    }
  }
  if (end >= 0) out.push([start, end]);
  return out;
}

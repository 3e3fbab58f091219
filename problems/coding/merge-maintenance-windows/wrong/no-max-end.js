// Extends the current block with the next window's end without taking the
// maximum, so a short window nested inside a long one shrinks the block.
function mergeWindows(windows) {
  const sorted = windows.map((w) => [w[0], w[1]]).sort((a, b) => a[0] - b[0]);
  const out = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) {
      last[1] = end;
    } else {
      out.push([start, end]);
    }
  }
  return out;
}

// Keeps a list of disjoint merged windows and, for every new window, scans the
// whole list for windows it overlaps or touches. Correct, but O(n^2) when most
// windows stay separate.
function mergeWindows(windows) {
  let merged = [];
  for (const w of windows) {
    let start = w[0];
    let end = w[1];
    const rest = [];
    for (const m of merged) {
      if (m[0] <= end && start <= m[1]) {
        start = Math.min(start, m[0]);
        end = Math.max(end, m[1]);
      } else {
        rest.push(m);
      }
    }
    rest.push([start, end]);
    merged = rest;
  }
  return merged.sort((a, b) => a[0] - b[0]);
}

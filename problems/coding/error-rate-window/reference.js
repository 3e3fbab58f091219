// Two pointers: the window [lo, hi) only moves forward.
function peakErrorRate(requests, windowSec, minRequests) {
  const n = requests.length;
  let lo = 0;
  let errors = 0;
  let best = 0;
  let hi = 0;
  while (hi < n) {
    const t = requests[hi][0];
    while (hi < n && requests[hi][0] === t) {
      if (requests[hi][1] >= 500) errors++;
      hi++;
    }
    while (requests[lo][0] <= t - windowSec) {
      if (requests[lo][1] >= 500) errors--;
      lo++;
    }
    const total = hi - lo;
    if (total >= minRequests && errors / total > best) best = errors / total;
  }
  return best;
}

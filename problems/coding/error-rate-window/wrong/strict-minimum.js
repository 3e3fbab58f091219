// Bug: skips windows with exactly minRequests requests.
function peakErrorRate(requests, windowSec, minRequests) {
  let lo = 0, hi = 0, errors = 0, best = 0;
  while (hi < requests.length) {
    const t = requests[hi][0];
    while (hi < requests.length && requests[hi][0] === t) {
      if (requests[hi][1] >= 500) errors++;
      hi++;
    }
    while (requests[lo][0] <= t - windowSec) {
      if (requests[lo][1] >= 500) errors--;
      lo++;
    }
    const total = hi - lo;
    if (total > minRequests) best = Math.max(best, errors / total);
  }
  return best;
}

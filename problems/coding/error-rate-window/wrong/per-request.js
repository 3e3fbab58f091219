// Bug: evaluates after every request, so a burst at one timestamp is judged
// before its later requests arrive.
function peakErrorRate(requests, windowSec, minRequests) {
  let lo = 0, errors = 0, best = 0;
  for (let hi = 0; hi < requests.length; hi++) {
    const [t, status] = requests[hi];
    if (status >= 500) errors++;
    while (requests[lo][0] <= t - windowSec) {
      if (requests[lo][1] >= 500) errors--;
      lo++;
    }
    const total = hi - lo + 1;
    if (total >= minRequests) best = Math.max(best, errors / total);
  }
  return best;
}

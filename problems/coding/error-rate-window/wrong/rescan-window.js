// Correct rules, but the window is recounted from scratch at every timestamp.
function peakErrorRate(requests, windowSec, minRequests) {
  let best = 0;
  for (let i = 0; i < requests.length; i++) {
    const t = requests[i][0];
    if (i + 1 < requests.length && requests[i + 1][0] === t) continue; // last request at t
    let total = 0;
    let errors = 0;
    for (let j = i; j >= 0 && requests[j][0] > t - windowSec; j--) {
      total++;
      if (requests[j][1] >= 500) errors++;
    }
    if (total >= minRequests) best = Math.max(best, errors / total);
  }
  return best;
}

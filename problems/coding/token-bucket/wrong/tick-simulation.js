// Simulates the bucket one millisecond at a time between requests. Correct,
// but the work grows with the time span (up to 10^12 ms), not with the
// number of requests.
function allowRequests(capacity, refillPerSecond, timestampsMs) {
  const max = capacity * 1000;
  let tokens = max;
  let now = timestampsMs.length ? timestampsMs[0] : 0;
  const out = [];
  for (const t of timestampsMs) {
    while (now < t) {
      now++;
      tokens = Math.min(max, tokens + refillPerSecond);
    }
    if (tokens >= 1000) {
      tokens -= 1000;
      out.push(true);
    } else {
      out.push(false);
    }
  }
  return out;
}

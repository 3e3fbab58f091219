// Recomputes the bucket level from scratch for every request by replaying all
// earlier requests. Correct, but O(n^2) for 10^5 requests.
function levelBefore(max, refill, ts, i) {
  let tokens = max;
  for (let j = 0; j < i; j++) {
    if (j > 0) tokens = Math.min(max, tokens + (ts[j] - ts[j - 1]) * refill);
    if (tokens >= 1000) tokens -= 1000;
  }
  if (i > 0) tokens = Math.min(max, tokens + (ts[i] - ts[i - 1]) * refill);
  return tokens;
}

function allowRequests(capacity, refillPerSecond, timestampsMs) {
  const max = capacity * 1000;
  const out = [];
  for (let i = 0; i < timestampsMs.length; i++) {
    out.push(levelBefore(max, refillPerSecond, timestampsMs, i) >= 1000);
  }
  return out;
}

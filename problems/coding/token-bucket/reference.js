// Integer millitokens: refill for the time since the previous request, cap at
// capacity·1000, then spend 1000 if available. O(n).
function allowRequests(capacity, refillPerSecond, timestampsMs) {
  const max = capacity * 1000;
  let tokens = max;
  let last = timestampsMs.length > 0 ? timestampsMs[0] : 0;
  const out = new Array(timestampsMs.length);
  for (let i = 0; i < timestampsMs.length; i++) {
    const t = timestampsMs[i];
    tokens = Math.min(max, tokens + (t - last) * refillPerSecond);
    last = t;
    if (tokens >= 1000) {
      tokens -= 1000;
      out[i] = true;
    } else {
      out[i] = false;
    }
  }
  return out;
}

// Allows a request only when strictly more than 1000 millitokens are present,
// so a bucket holding exactly one token rejects.
function allowRequests(capacity, refillPerSecond, timestampsMs) {
  const max = capacity * 1000;
  let tokens = max;
  let last = timestampsMs.length ? timestampsMs[0] : 0;
  return timestampsMs.map((t) => {
    tokens = Math.min(max, tokens + (t - last) * refillPerSecond);
    last = t;
    if (tokens > 1000) {
      tokens -= 1000;
      return true;
    }
    return false;
  });
}

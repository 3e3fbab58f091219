// Refills without capping at capacity, so a long idle period lets a burst far
// larger than the bucket through.
function allowRequests(capacity, refillPerSecond, timestampsMs) {
  let tokens = capacity * 1000;
  let last = timestampsMs.length ? timestampsMs[0] : 0;
  return timestampsMs.map((t) => {
    tokens += (t - last) * refillPerSecond;
    last = t;
    if (tokens >= 1000) {
      tokens -= 1000;
      return true;
    }
    return false;
  });
}

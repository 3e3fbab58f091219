// Bug: a get hit returns the value but does not refresh the key's recency.
function lruCache(capacity, ops) {
  const cache = new Map();
  const out = [];
  for (const op of ops) {
    const [kind, key, raw] = op.split(" ");
    if (kind === "get") {
      out.push(cache.has(key) ? cache.get(key) : -1);
    } else {
      if (capacity === 0) continue;
      if (cache.has(key)) cache.delete(key);
      else if (cache.size >= capacity) cache.delete(cache.keys().next().value);
      cache.set(key, Number(raw));
    }
  }
  return out;
}

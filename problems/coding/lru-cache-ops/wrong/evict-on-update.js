// Bug: evicts when the cache is full even if the put only updates an existing key.
function lruCache(capacity, ops) {
  const cache = new Map();
  const out = [];
  for (const op of ops) {
    const [kind, key, raw] = op.split(" ");
    if (kind === "get") {
      if (cache.has(key)) {
        const v = cache.get(key);
        cache.delete(key);
        cache.set(key, v);
        out.push(v);
      } else {
        out.push(-1);
      }
    } else {
      if (capacity === 0) continue;
      if (cache.size >= capacity) cache.delete(cache.keys().next().value);
      cache.delete(key);
      cache.set(key, Number(raw));
    }
  }
  return out;
}

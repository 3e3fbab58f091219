// A Map iterates in insertion order: delete + set moves a key to the
// most-recently-used end, and the first key is the least recently used.
function lruCache(capacity, ops) {
  const cache = new Map();
  const out = [];
  for (const op of ops) {
    const parts = op.split(" ");
    const key = parts[1];
    if (parts[0] === "get") {
      if (cache.has(key)) {
        const value = cache.get(key);
        cache.delete(key);
        cache.set(key, value);
        out.push(value);
      } else {
        out.push(-1);
      }
    } else {
      const value = Number(parts[2]);
      if (cache.has(key)) {
        cache.delete(key);
      } else if (cache.size >= capacity) {
        if (capacity === 0) continue;
        cache.delete(cache.keys().next().value);
      }
      cache.set(key, value);
    }
  }
  return out;
}

// Correct LRU semantics, but recency lives in an array: indexOf + splice cost
// O(capacity) per operation.
function lruCache(capacity, ops) {
  const values = new Map();
  const order = []; // least recently used first
  const touch = (key) => {
    const i = order.indexOf(key);
    if (i !== -1) order.splice(i, 1);
    order.push(key);
  };
  const out = [];
  for (const op of ops) {
    const [kind, key, raw] = op.split(" ");
    if (kind === "get") {
      if (values.has(key)) {
        touch(key);
        out.push(values.get(key));
      } else {
        out.push(-1);
      }
    } else {
      if (capacity === 0) continue;
      if (!values.has(key) && values.size >= capacity) {
        values.delete(order.shift());
      }
      values.set(key, Number(raw));
      touch(key);
    }
  }
  return out;
}

// Repeats "find every service whose dependencies have all started, start the
// smallest". Correct, but each step rechecks every service and every edge:
// O(V · (V + E)).
function startOrder(deps) {
  const all = new Set();
  for (const s of Object.keys(deps)) {
    all.add(s);
    for (const d of deps[s]) all.add(d);
  }
  const started = new Set();
  const order = [];
  while (order.length < all.size) {
    const ready = [];
    for (const s of all) {
      if (started.has(s)) continue;
      if ((deps[s] || []).every((d) => started.has(d))) ready.push(s);
    }
    if (ready.length === 0) return null;
    ready.sort();
    started.add(ready[0]);
    order.push(ready[0]);
  }
  return order;
}

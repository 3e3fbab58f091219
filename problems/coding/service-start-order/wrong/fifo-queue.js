// Kahn's algorithm with a plain FIFO queue, seeded in sorted order. A valid
// start order, but not the lexicographically smallest: a service that becomes
// ready later never overtakes names already queued.
function startOrder(deps) {
  const indegree = new Map();
  const next = new Map();
  const add = (s) => {
    if (!indegree.has(s)) {
      indegree.set(s, 0);
      next.set(s, []);
    }
  };
  for (const s of Object.keys(deps)) {
    add(s);
    for (const d of deps[s]) add(d);
  }
  for (const s of Object.keys(deps)) {
    for (const d of deps[s]) {
      next.get(d).push(s);
      indegree.set(s, indegree.get(s) + 1);
    }
  }
  const queue = [...indegree.keys()].filter((s) => indegree.get(s) === 0).sort();
  const order = [];
  for (let head = 0; head < queue.length; head++) {
    const s = queue[head];
    order.push(s);
    const freed = [];
    for (const t of next.get(s)) {
      indegree.set(t, indegree.get(t) - 1);
      if (indegree.get(t) === 0) freed.push(t);
    }
    queue.push(...freed.sort());
  }
  return order.length === indegree.size ? order : null;
}

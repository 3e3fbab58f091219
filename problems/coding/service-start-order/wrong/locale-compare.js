// Right algorithm, but orders ready names with localeCompare instead of
// JavaScript's < (UTF-16 code units), so "a" sorts before "B" and "svc-a"
// may land after "svc.b".
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
  let ready = [...indegree.keys()].filter((s) => indegree.get(s) === 0);
  const order = [];
  while (ready.length > 0) {
    ready.sort((a, b) => a.localeCompare(b));
    const s = ready.shift();
    order.push(s);
    for (const t of next.get(s)) {
      indegree.set(t, indegree.get(t) - 1);
      if (indegree.get(t) === 0) ready.push(t);
    }
  }
  return order.length === indegree.size ? order : null;
}

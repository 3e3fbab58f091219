// Kahn's algorithm with a min-heap of ready services (JavaScript string
// order), so each step takes the smallest ready name. O((V + E) log V).
function startOrder(deps) {
  const index = new Map(); // name -> id
  const names = [];
  const idOf = (name) => {
    let id = index.get(name);
    if (id === undefined) {
      id = names.length;
      index.set(name, id);
      names.push(name);
    }
    return id;
  };
  const edges = []; // [before, after] pairs, duplicates kept
  for (const service of Object.keys(deps)) {
    const s = idOf(service);
    for (const dep of deps[service]) edges.push(idOf(dep), s);
  }
  const n = names.length;
  const indegree = new Array(n).fill(0);
  const next = Array.from({ length: n }, () => []);
  for (let i = 0; i < edges.length; i += 2) {
    next[edges[i]].push(edges[i + 1]);
    indegree[edges[i + 1]]++;
  }

  // Binary min-heap of ids ordered by name.
  const heap = [];
  const less = (a, b) => names[a] < names[b];
  const push = (id) => {
    heap.push(id);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(heap[i], heap[p])) break;
      [heap[i], heap[p]] = [heap[p], heap[i]];
      i = p;
    }
  };
  const pop = () => {
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && less(heap[l], heap[m])) m = l;
        if (r < heap.length && less(heap[r], heap[m])) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
    return top;
  };

  for (let id = 0; id < n; id++) if (indegree[id] === 0) push(id);
  const order = [];
  while (heap.length > 0) {
    const id = pop();
    order.push(names[id]);
    for (const after of next[id]) if (--indegree[after] === 0) push(after);
  }
  return order.length === n ? order : null;
}

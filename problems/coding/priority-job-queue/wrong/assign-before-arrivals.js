// Bug: a worker freed at t is handed to the queue before the jobs arriving at t
// have joined it.
function startTimes(workers, jobs) {

  const makeHeap = (before) => {
    const a = [];
    return {
      size: () => a.length,
      peek: () => a[0],
      push(x) {
        a.push(x);
        let i = a.length - 1;
        while (i > 0) {
          const p = (i - 1) >> 1;
          if (!before(a[i], a[p])) break;
          [a[i], a[p]] = [a[p], a[i]];
          i = p;
        }
      },
      pop() {
        const top = a[0];
        const last = a.pop();
        if (a.length > 0) {
          a[0] = last;
          let i = 0;
          for (;;) {
            const l = 2 * i + 1, r = l + 1;
            let m = i;
            if (l < a.length && before(a[l], a[m])) m = l;
            if (r < a.length && before(a[r], a[m])) m = r;
            if (m === i) break;
            [a[i], a[m]] = [a[m], a[i]];
            i = m;
          }
        }
        return top;
      },
    };
  };
  const n = jobs.length;
  const start = new Array(n).fill(0);
  const queue = makeHeap((x, y) => {
    const a = jobs[x], b = jobs[y];
    if (a[2] !== b[2]) return a[2] > b[2];
    if (a[0] !== b[0]) return a[0] < b[0];
    return x < y;
  });
  const busy = makeHeap((x, y) => x < y);
  const order = jobs.map((_, i) => i).sort((x, y) => jobs[x][0] - jobs[y][0] || x - y);
  let next = 0;
  let idle = workers;
  const assign = (t) => {
    while (idle > 0 && queue.size() > 0) {
      const j = queue.pop();
      start[j] = t;
      busy.push(t + jobs[j][1]);
      idle--;
    }
  };
  while (next < n || queue.size() > 0) {
    let t = Infinity;
    if (next < n) t = jobs[order[next]][0];
    if (busy.size() > 0 && busy.peek() < t) t = busy.peek();
    while (busy.size() > 0 && busy.peek() <= t) {
      busy.pop();
      idle++;
    }
    assign(t);
    while (next < n && jobs[order[next]][0] <= t) queue.push(order[next++]);
    assign(t);
  }
  return start;
}

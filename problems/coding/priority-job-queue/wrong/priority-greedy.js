// Bug: walks the jobs in global priority order and puts each on the worker that
// frees up first. An urgent job that arrives later takes a slot a less urgent,
// already waiting job should have had.
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
  const order = jobs.map((_, i) => i).sort((x, y) => jobs[y][2] - jobs[x][2] || jobs[x][0] - jobs[y][0] || x - y);
  const free = makeHeap((x, y) => x < y);
  for (let w = 0; w < Math.min(workers, jobs.length); w++) free.push(0);
  const start = new Array(jobs.length).fill(0);
  for (const j of order) {
    const s = Math.max(free.pop(), jobs[j][0]);
    start[j] = s;
    free.push(s + jobs[j][1]);
  }
  return start;
}

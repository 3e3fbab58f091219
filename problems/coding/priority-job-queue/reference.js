function startTimes(workers, jobs) {
  const n = jobs.length;
  const start = new Array(n).fill(0);

  // Binary heap of job indices ordered by `before`; sift with a moving hole.
  class Heap {
    constructor(before) {
      this.a = [];
      this.before = before;
    }
    get size() {
      return this.a.length;
    }
    peek() {
      return this.a[0];
    }
    push(x) {
      const a = this.a;
      let i = a.length;
      a.push(x);
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!this.before(x, a[p])) break;
        a[i] = a[p];
        i = p;
      }
      a[i] = x;
    }
    pop() {
      const a = this.a;
      const top = a[0];
      const last = a.pop();
      const len = a.length;
      if (len > 0) {
        let i = 0;
        for (;;) {
          let c = 2 * i + 1;
          if (c >= len) break;
          if (c + 1 < len && this.before(a[c + 1], a[c])) c++;
          if (!this.before(a[c], last)) break;
          a[i] = a[c];
          i = c;
        }
        a[i] = last;
      }
      return top;
    }
  }

  // Waiting jobs: priority desc, then arrival asc, then index asc.
  const queue = new Heap((x, y) => {
    const a = jobs[x], b = jobs[y];
    if (a[2] !== b[2]) return a[2] > b[2];
    if (a[0] !== b[0]) return a[0] < b[0];
    return x < y;
  });
  // Finish times of running jobs.
  const busy = new Heap((x, y) => x < y);

  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((x, y) => jobs[x][0] - jobs[y][0] || x - y);

  let next = 0;
  let idle = workers;
  while (next < n || queue.size > 0) {
    // The next event: an arrival or a finish, whichever comes first.
    let t = next < n ? jobs[order[next]][0] : Infinity;
    if (busy.size > 0 && busy.peek() < t) t = busy.peek();
    while (busy.size > 0 && busy.peek() <= t) {
      busy.pop();
      idle++;
    }
    while (next < n && jobs[order[next]][0] <= t) queue.push(order[next++]);
    while (idle > 0 && queue.size > 0) {
      const j = queue.pop();
      start[j] = t;
      busy.push(t + jobs[j][1]);
      idle--;
    }
  }
  return start;
}

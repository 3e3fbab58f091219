/**
 * Warms a compiled Pyodide module before candidates use it.
 *
 * V8 compiles wasm functions lazily, on the thread of the isolate that first
 * calls them, and shares the compiled (and later optimised) code among all
 * isolates instantiated from the same WebAssembly.Module. Without a warm-up
 * the first submissions in a process are billed for that compilation (a
 * 1000-deep recursion measured 1.3 s of CPU in a fresh process, 0.2 s after).
 * So each module first runs this trusted workload in a throwaway isolate,
 * which is disposed; no candidate ever uses it.
 */
import { DEFAULT_GRADING_LIMITS } from "../limits.ts";
import type { PythonIsolate } from "./boot.ts";
import { PythonSession } from "./session.ts";

const WARMUP_SOURCE = `
import collections, heapq, bisect, itertools, functools, json, math, re, sys
from dataclasses import dataclass

@dataclass(order=True)
class Item:
    key: int
    name: str

def deep(n):
    return 0 if n == 0 else deep(n - 1) + 1

def warm(words, n, fail):
    if fail:
        return deep(5) + {}["missing"]
    total = 0
    for i in range(n):
        total += i * i % 7
    text = " ".join(words * 50)
    counts = collections.Counter(text.split())
    heap = [Item(len(w), w) for w in words * 20]
    heapq.heapify(heap)
    top = [heapq.heappop(heap).name for _ in range(5)]
    found = re.findall(r"[a-z]+\\d*", text)
    data = json.loads(json.dumps({"a": [1, 2.5, None, True], "b": {"c": "d"}}))
    d = {str(i): [i, float(i)] for i in range(2000)}
    s = sorted(d.items(), key=lambda kv: (-kv[1][0], kv[0]))[:3]
    pos = bisect.bisect_left(list(range(100)), 42)
    perms = list(itertools.permutations(range(5)))
    big = 3 ** 2000 % 1000007
    try:
        deep(10 ** 6)
    except RecursionError:
        pass
    try:
        {}["missing"]
    except KeyError:
        pass
    print("warm", total, file=sys.stdout)
    return [total, len(counts), top, len(found), data, s, pos, len(perms), big, deep(500), functools.reduce(lambda a, b: a + b, range(100))]
`;

export async function warmUp(py: PythonIsolate): Promise<void> {
  const session = new PythonSession(py, { ...DEFAULT_GRADING_LIMITS, cpuMs: 30_000, wallMs: 60_000 });
  try {
    const start = await session.start(WARMUP_SOURCE, "warm");
    if (start.kind !== "ready") throw new Error(`Python warm-up failed to start: ${JSON.stringify(start)}`);
    // Arguments shaped like interview inputs (hundreds of strings) warm the JSON paths too.
    const words = Array.from({ length: 300 }, (_, i) => `w${i % 17} 10.0.${i % 7}.${i % 13} GET /x`);
    for (let i = 0; i < 3; i++) {
      const r = await session.call(JSON.stringify([words, 200_000, false]));
      if (r.kind !== "ok") throw new Error(`Python warm-up failed: ${JSON.stringify(r)}`);
      const e = await session.call(JSON.stringify([words, 0, true]));
      if (e.kind !== "error") throw new Error(`Python warm-up: expected an error, got ${JSON.stringify(e)}`);
    }
  } finally {
    session.dispose();
  }
}

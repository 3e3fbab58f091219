import { createRng, type Rng } from "../../_lib/rng.ts";

// Hidden tests for service-start-order: random DAGs (names mixing case,
// digits and punctuation so string order matters), graphs with a cycle, and
// max-size graphs (10^4 services, 5·10^4 edges).

const WORDS = ["api", "db", "cache", "auth", "queue", "worker", "svc", "edge", "log", "Api", "DB", "Edge", "a", "b", "B", "z"];
const SEPS = ["", "-", ".", "_"];

function uniqueNames(rng: Rng, n: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < n) {
    const name = rng.chance(0.1) ? String(rng.int(0, 5 * n)) : rng.pick(WORDS) + rng.pick(SEPS) + String(rng.int(0, 3 * n));
    if (!seen.has(name)) {
      seen.add(name);
      out.push(name);
    }
  }
  return out;
}

/**
 * A graph over `n` services with `e` edges. Edges go from earlier to later in
 * a hidden rank order, so it is acyclic unless `cycle` adds a back edge.
 * Some services get no key of their own (they only appear inside lists).
 */
function graph(rng: Rng, n: number, e: number, cycle: boolean, reverseNames = false): Record<string, string[]> {
  let names = uniqueNames(rng, n);
  if (reverseNames) names = names.slice().sort().reverse(); // rank order = descending names
  else names = rng.shuffle(names); // rank order
  const lists: string[][] = names.map(() => []);
  for (let i = 0; i < e; i++) {
    const a = rng.int(0, n - 2);
    const b = rng.int(a + 1, Math.min(n - 1, a + 1 + rng.int(0, 50)));
    (lists[b] as string[]).push(names[a] as string);
  }
  if (cycle && n >= 2) {
    const a = rng.int(0, n - 2);
    const b = rng.int(a + 1, n - 1);
    (lists[a] as string[]).push(names[b] as string); // b before a ...
    (lists[b] as string[]).push(names[a] as string); // ... and a before b: a cycle
  }
  const deps: Record<string, string[]> = {};
  const order = rng.shuffle(names.map((_, i) => i));
  for (const i of order) {
    const list = lists[i] as string[];
    if (list.length === 0 && rng.chance(0.3)) continue; // only appears in lists (or not at all if isolated)
    deps[names[i] as string] = list;
  }
  return deps;
}

export function generate(seed: number): unknown[][] {
  const rng = createRng(seed);
  const cases: unknown[][] = [];
  for (let t = 0; t < 10; t++) {
    const n = rng.int(2, 12);
    cases.push([graph(rng, n, rng.int(0, 2 * n), rng.chance(0.3))]);
  }
  for (let t = 0; t < 4; t++) {
    const n = rng.int(200, 1500);
    cases.push([graph(rng, n, rng.int(n, 5 * n), t === 3)]);
  }
  // Max size: 10^4 services, 5·10^4 edges, acyclic.
  cases.push([graph(rng, 10_000, 50_000, false)]);
  // Max size where the topological order runs against name order, so the
  // smallest names are blocked until the very end.
  cases.push([graph(rng, 10_000, 50_000, false, true)]);
  // Max size with a single cycle somewhere: the answer is null.
  cases.push([graph(rng, 10_000, 50_000, true)]);
  // 10^4 services with no edges at all: everything is ready at once.
  {
    const deps: Record<string, string[]> = {};
    for (const name of uniqueNames(rng, 10_000)) deps[name] = [];
    cases.push([deps]);
  }
  return cases;
}

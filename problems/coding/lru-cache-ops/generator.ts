import { createRng, type Rng } from "../../_lib/rng.ts";

/** A trace over `keySpace` distinct keys; `getShare` of the operations are gets. */
function trace(rng: Rng, n: number, keySpace: number, getShare: number, hot: number): string[] {
  const ops: string[] = [];
  const key = (): string => {
    // Skew: with probability `hot`, draw from the first tenth of the key space.
    const limit = rng.chance(hot) ? Math.max(1, Math.floor(keySpace / 10)) : keySpace;
    return rng.int(0, limit - 1).toString(36);
  };
  for (let i = 0; i < n; i++) {
    if (rng.chance(getShare)) ops.push(`get ${key()}`);
    else ops.push(`put ${key()} ${rng.int(0, rng.chance(0.1) ? 1_000_000_000 : 9999)}`);
  }
  return ops;
}

export function generate(seed: number): unknown[][] {
  const rng = createRng(seed);
  const cases: unknown[][] = [];
  // Small traces with a tiny key space: lots of hits, updates and evictions.
  for (let i = 0; i < 8; i++) {
    const keys = rng.int(2, 8);
    cases.push([rng.int(0, keys), trace(rng, rng.int(5, 40), keys, 0.5, 0.3)]);
  }
  // Medium traces.
  for (let i = 0; i < 6; i++) {
    const keys = rng.int(50, 3000);
    cases.push([rng.int(1, keys), trace(rng, rng.int(1000, 5000), keys, rng.pick([0.3, 0.5, 0.7]), 0.5)]);
  }
  // Max size: a large, full cache, so any O(capacity) step per operation is slow.
  cases.push([50_000, trace(rng, 100_000, 75_000, 0.5, 0.2)]);
  cases.push([30_000, trace(rng, 60_000, 40_000, 0.6, 0.3)]);
  return cases;
}

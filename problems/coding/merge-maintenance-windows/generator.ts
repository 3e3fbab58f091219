import { createRng, type Rng } from "../../_lib/rng.ts";

// Hidden tests for merge-maintenance-windows: small dense cases (lots of
// touching and nesting), medium cases, and max-size cases (10^5 windows) that
// stay mostly separate, so an O(n^2) merge runs out of time.

function windows(rng: Rng, n: number, maxCoord: number, maxLen: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const len = rng.int(1, maxLen);
    const start = rng.int(0, maxCoord - len);
    out.push([start, start + len]);
  }
  return out;
}

export function generate(seed: number): unknown[][] {
  const rng = createRng(seed);
  const cases: unknown[][] = [];
  for (let t = 0; t < 12; t++) cases.push([windows(rng, rng.int(1, 12), 30, rng.int(1, 6))]);
  for (let t = 0; t < 4; t++) cases.push([windows(rng, rng.int(200, 2000), rng.int(1000, 100_000), rng.int(1, 100))]);

  // A chain of touching windows, shuffled: merges into one.
  {
    const chain: [number, number][] = [];
    for (let i = 0; i < 2000; i++) chain.push([i * 7, i * 7 + 7]);
    cases.push([rng.shuffle(chain)]);
  }

  // Max size: 10^5 windows over [0, 8·10^7]; about 28 000 blocks remain, and
  // in input order the partial result stays large for a long time.
  cases.push([windows(rng, 100_000, 80_000_000, 2000)]);

  // Max size: 10^5 windows on a grid of width 10 with gaps every so often,
  // shuffled; many touch exactly, about 20 000 blocks remain.
  {
    const grid: [number, number][] = [];
    let pos = 0;
    for (let i = 0; i < 100_000; i++) {
      if (rng.chance(0.2)) pos += rng.int(1, 5);
      grid.push([pos, pos + 10]);
      pos += 10;
    }
    cases.push([rng.shuffle(grid)]);
  }

  // Everything collapses: nested windows around a centre.
  {
    const nested: [number, number][] = [];
    for (let i = 0; i < 5000; i++) {
      const r = rng.int(1, 500_000_000);
      nested.push([500_000_000 - r, 500_000_000 + r]);
    }
    cases.push([nested]);
  }
  return cases;
}

import { createRng, type Rng } from "../../_lib/rng.ts";

// Hidden tests for token-bucket: small random traffic around the limit,
// bursts after long idle periods (the cap matters), refill rates that do not
// divide 1000, and max-size cases (10^5 requests).

function traffic(rng: Rng, n: number, start: number, meanGap: number, burstiness: number): number[] {
  const out: number[] = [];
  let t = start;
  for (let i = 0; i < n; i++) {
    if (i > 0 && !rng.chance(burstiness)) {
      t += rng.chance(0.02) ? rng.int(0, 1000 * meanGap) : rng.int(0, 2 * meanGap);
    }
    out.push(t);
  }
  return out;
}

export function generate(seed: number): unknown[][] {
  const rng = createRng(seed);
  const cases: unknown[][] = [];
  for (let t = 0; t < 12; t++) {
    const capacity = rng.int(0, 6);
    const refill = rng.pick([0, 1, 3, 7, 250, 999, 1000, 1001, rng.int(1, 5000)]);
    cases.push([capacity, refill, traffic(rng, rng.int(1, 30), rng.int(0, 1_000_000_000_000), rng.int(1, 2000), 0.3)]);
  }
  for (let t = 0; t < 4; t++) {
    const capacity = rng.int(1, 1000);
    const refill = rng.int(1, 100_000);
    cases.push([capacity, refill, traffic(rng, rng.int(1000, 5000), rng.int(0, 1_000_000_000), rng.int(1, 50), 0.5)]);
  }
  // Large values: capacity and refill near 10^6, timestamps near 10^12.
  cases.push([1_000_000, 999_999, traffic(rng, 3000, 999_000_000_000, 1, 0.9)]);
  // Max size: 10^5 requests, traffic hovering around the refill rate.
  cases.push([50, 37, traffic(rng, 100_000, rng.int(0, 1_000_000), 27, 0.3)]);
  // Max size: 10^5 requests in bursts with long idle gaps, small bucket.
  cases.push([3, 1, traffic(rng, 100_000, 0, 200, 0.7)]);
  return cases;
}

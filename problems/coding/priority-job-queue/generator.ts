import { createRng, type Rng } from "../../_lib/rng.ts";

type Job = [number, number, number];

function jobs(rng: Rng, n: number, arrivalSpan: number, maxDuration: number, maxPriority: number): Job[] {
  const out: Job[] = [];
  for (let i = 0; i < n; i++) {
    out.push([rng.int(0, arrivalSpan), rng.int(1, maxDuration), rng.int(0, maxPriority)]);
  }
  return out; // unsorted on purpose
}

export function generate(seed: number): unknown[][] {
  const rng = createRng(seed);
  const cases: unknown[][] = [];
  // Small: few distinct times and priorities, so ties and simultaneous events abound.
  for (let i = 0; i < 8; i++) {
    cases.push([rng.int(1, 3), jobs(rng, rng.int(1, 12), rng.int(0, 10), rng.int(1, 5), rng.int(0, 3))]);
  }
  // Medium.
  for (let i = 0; i < 5; i++) {
    const n = rng.int(1000, 5000);
    cases.push([rng.int(1, 40), jobs(rng, n, rng.int(n, 20 * n), rng.int(10, 500), rng.pick([2, 10, 1_000_000_000]))]);
  }
  // Large boundary values.
  cases.push([3, jobs(rng, 2000, 1_000_000_000, 1_000_000, 1_000_000_000)]);
  // Max size: one worker and nearly every job queued at once (a long backlog).
  cases.push([1, jobs(rng, 40_000, 500, 10, 1_000_000_000)]);
  // Max size: many workers, moderate backlog, coarse priorities (many ties).
  cases.push([64, jobs(rng, 30_000, 100_000, 400, 5)]);
  // Max size: more workers than jobs; nobody ever waits.
  cases.push([100_000, jobs(rng, 20_000, 1_000_000_000, 1_000_000, 100)]);
  return cases;
}

import { createRng, type Rng } from "../../_lib/rng.ts";

const OK = [200, 200, 200, 201, 204, 301, 304, 400, 404, 429, 499];
const ERR = [500, 502, 503, 504, 599];

/** n requests; gaps of 0 make bursts at one timestamp; error episodes come and go. */
function trace(rng: Rng, n: number, maxGap: number, baseErr: number): [number, number][] {
  const out: [number, number][] = [];
  let t = rng.int(0, 100_000_000);
  let errRate = baseErr;
  for (let i = 0; i < n; i++) {
    if (rng.chance(0.02)) errRate = rng.chance(0.3) ? rng.next() : baseErr; // incident starts or ends
    if (i > 0 && !rng.chance(0.3)) t += rng.int(1, maxGap);
    out.push([t, rng.chance(errRate) ? rng.pick(ERR) : rng.pick(OK)]);
  }
  return out;
}

export function generate(seed: number): unknown[][] {
  const rng = createRng(seed);
  const cases: unknown[][] = [];
  for (let i = 0; i < 8; i++) {
    cases.push([trace(rng, rng.int(1, 25), rng.int(1, 5), rng.next() * 0.5), rng.int(1, 10), rng.int(1, 6)]);
  }
  for (let i = 0; i < 5; i++) {
    cases.push([trace(rng, rng.int(500, 5000), rng.int(1, 30), rng.next() * 0.1), rng.int(1, 600), rng.int(1, 200)]);
  }
  // Max size: the window spans (almost) the whole trace, so recounting it per
  // timestamp is quadratic.
  cases.push([trace(rng, 80_000, 3, 0.02), 1_000_000_000, 1000]);
  cases.push([trace(rng, 80_000, 2, 0.05), 30_000, 50]);
  return cases;
}

import { createRng, type Rng } from "../../_lib/rng.ts";

const dotted = (a: number): string => [a >>> 24, (a >>> 16) & 255, (a >>> 8) & 255, a & 255].join(".");

/** A 32-bit address near `anchor`: its low `bits` bits are randomised. */
function near(rng: Rng, anchor: number, bits: number): number {
  if (bits === 0) return anchor >>> 0;
  const span = 2 ** bits;
  return (Math.floor(anchor / span) * span + rng.int(0, span - 1)) >>> 0;
}

function randomCase(rng: Rng, nRules: number, nIps: number, nAnchors: number): [string[], string[]] {
  const anchors: number[] = [];
  for (let i = 0; i < nAnchors; i++) anchors.push(rng.int(0, 0xffffffff));
  const rules: string[] = [];
  if (rng.chance(0.4)) rules.push(`${rng.pick(["allow", "deny"])} ${dotted(rng.int(0, 0xffffffff))}/0`);
  while (rules.length < nRules) {
    const len = rng.chance(0.05) ? rng.int(0, 7) : rng.int(8, 32);
    // Host bits are often left set, as people write them.
    const addr = rng.chance(0.5) ? near(rng, rng.pick(anchors), 32 - len) : near(rng, rng.pick(anchors), rng.int(0, 32 - len));
    rules.push(`${rng.chance(0.55) ? "allow" : "deny"} ${dotted(addr)}/${len}`);
  }
  const ips: string[] = [];
  for (let i = 0; i < nIps; i++) {
    ips.push(dotted(rng.chance(0.1) ? rng.int(0, 0xffffffff) : near(rng, rng.pick(anchors), rng.int(0, 24))));
  }
  return [rng.shuffle(rules), ips];
}

export function generate(seed: number): unknown[][] {
  const rng = createRng(seed);
  const cases: unknown[][] = [];
  for (let i = 0; i < 8; i++) cases.push(randomCase(rng, rng.int(1, 12), rng.int(1, 20), rng.int(1, 3)));
  for (let i = 0; i < 5; i++) cases.push(randomCase(rng, rng.int(200, 2000), rng.int(200, 2000), rng.int(5, 60)));
  // Max size: any per-address scan of all rules is too slow.
  cases.push(randomCase(rng, 25_000, 25_000, 2000));
  cases.push(randomCase(rng, 15_000, 30_000, 500));
  return cases;
}

import { createRng, type Rng } from "../../_lib/rng.ts";

// Hidden tests for top-k-ips: small random mixes of valid and invalid first
// fields, medium cases, and max-size cases (2·10^5 lines) with many distinct
// addresses so that an O(lines × distinct) solution runs out of time.

const SUFFIXES = ["", " -", " GET /", " POST /api", "\tGET /health 200", " - - \"GET / HTTP/1.1\" 200 12"];

function octet(rng: Rng): number {
  const r = rng.next();
  if (r < 0.15) return 0;
  if (r < 0.25) return 255;
  if (r < 0.55) return rng.int(1, 9);
  return rng.int(0, 255);
}

function validIp(rng: Rng): string {
  return [octet(rng), octet(rng), octet(rng), octet(rng)].join(".");
}

/** A first field that looks like an address but is not a valid one. */
function invalidIp(rng: Rng): string {
  const o = [octet(rng), octet(rng), octet(rng), octet(rng)].map(String);
  const i = rng.int(0, 3);
  switch (rng.int(0, 9)) {
    case 0: o[i] = "0" + o[i]; break;                  // leading zero
    case 1: o[i] = String(rng.int(256, 999)); break;   // out of range
    case 2: return o.slice(0, 3).join(".");            // three octets
    case 3: return [...o, String(rng.int(0, 255))].join("."); // five octets
    case 4: o[i] = ""; break;                          // empty octet
    case 5: o[i] = "x"; break;                         // not a digit
    case 6: return o.join(".") + rng.pick([",", ":8080", "x", "."]);
    case 7: o[i] = "00"; break;
    case 8: return rng.pick(["-", "GET", "localhost", "::1", "2001:db8::1"]);
    default: o[i] = "0" + String(rng.int(0, 9)) + String(rng.int(0, 9)); break; // 0xy
  }
  return o.join(".");
}

function line(rng: Rng, first: string): string {
  const lead = rng.chance(0.1) ? rng.pick([" ", "  ", "\t"]) : "";
  return lead + first + rng.pick(SUFFIXES);
}

function randomCase(rng: Rng, n: number, poolSize: number, invalidRate: number): unknown[] {
  const pool: string[] = [];
  for (let i = 0; i < poolSize; i++) pool.push(validIp(rng));
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    if (rng.chance(invalidRate)) lines.push(rng.chance(0.05) ? rng.pick(["", " ", "\t"]) : line(rng, invalidIp(rng)));
    else lines.push(line(rng, pool[Math.floor(Math.pow(rng.next(), 2) * pool.length)] as string));
  }
  const k = rng.pick([0, 1, 2, 3, 5, 10, poolSize, poolSize + 5, rng.int(0, poolSize)]);
  return [lines, k];
}

export function generate(seed: number): unknown[][] {
  const rng = createRng(seed);
  const cases: unknown[][] = [];
  // Small and medium random cases.
  for (let t = 0; t < 14; t++) cases.push(randomCase(rng, rng.int(1, 40), rng.int(1, 12), 0.3));
  for (let t = 0; t < 4; t++) cases.push(randomCase(rng, rng.int(500, 3000), rng.int(20, 400), 0.2));

  // Heavy ties: every address exactly twice, addresses sharing prefixes so
  // numeric and string order differ.
  {
    const ips: string[] = [];
    for (let a = 1; a <= 30; a++) ips.push(`${rng.int(1, 120)}.${rng.int(0, 255)}.0.${a}`);
    const lines = rng.shuffle([...ips, ...ips]).map((ip) => line(rng, ip));
    cases.push([lines, 25]);
  }

  // Max size: 2·10^5 lines, ~30 000 distinct addresses, short lines.
  {
    const pool: string[] = [];
    for (let i = 0; i < 30_000; i++) pool.push(`10.${(i >> 8) & 255}.${i & 255}.${rng.int(1, 254)}`);
    const lines: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      if (rng.chance(0.03)) lines.push(invalidIp(rng) + " -");
      else lines.push(pool[Math.floor(Math.pow(rng.next(), 3) * pool.length)] + " -");
    }
    cases.push([lines, 10]);
  }
  // Max size: 2·10^5 lines over 3000 addresses with near-equal counts (many
  // ties), plus a sprinkle of invalid first fields; k returns them all.
  {
    const pool: string[] = [];
    for (let i = 0; i < 3000; i++) pool.push(validIp(rng));
    const lines: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      if (rng.chance(0.02)) lines.push(invalidIp(rng));
      else lines.push(pool[rng.int(0, pool.length - 1)] as string);
    }
    cases.push([lines, 3000]);
  }
  return cases;
}

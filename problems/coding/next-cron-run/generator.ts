import { createRng, type Rng } from "../../_lib/rng.ts";

// Hidden tests for next-cron-run: random expressions over all item forms,
// random `after` instants between 2000 and 2990, and cases whose answer is
// years away or absent (impossible dates, February 29 around non-leap
// century years) so a minute-by-minute scan runs out of time.

function item(rng: Rng, lo: number, hi: number): string {
  const a = rng.int(lo, hi);
  const b = rng.int(a, hi);
  const s = rng.int(1, Math.max(1, Math.floor((hi - lo) / 2)));
  switch (rng.int(0, 5)) {
    case 0: return "*";
    case 1:
    case 2: return String(a);
    case 3: return `${a}-${b}`;
    case 4: return `*/${s}`;
    default: return `${a}-${b}/${s}`;
  }
}

function field(rng: Rng, lo: number, hi: number, starChance: number): string {
  if (rng.chance(starChance)) return "*";
  const n = rng.int(1, 3);
  const items: string[] = [];
  for (let i = 0; i < n; i++) items.push(item(rng, lo, hi));
  return items.join(",");
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, "0");
}

function instant(rng: Rng, fromYear: number, toYear: number): string {
  const lo = Date.UTC(fromYear, 0, 1) / 60000;
  const hi = Date.UTC(toYear, 11, 31, 23, 59) / 60000;
  const d = new Date(rng.int(lo, hi) * 60000);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}T${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:00Z`;
}

export function generate(seed: number): unknown[][] {
  const rng = createRng(seed);
  const cases: unknown[][] = [];
  // Random expressions.
  for (let t = 0; t < 30; t++) {
    const expr = [
      field(rng, 0, 59, 0.2),
      field(rng, 0, 23, 0.3),
      field(rng, 1, 31, 0.55),
      field(rng, 1, 12, 0.6),
      field(rng, 0, 7, 0.55),
    ].join(" ");
    cases.push([expr, instant(rng, 2000, 2990)]);
  }
  // Rare schedules: a specific day of a specific month, with or without a
  // day-of-week (which switches on the OR rule).
  for (let t = 0; t < 6; t++) {
    const expr = `${rng.int(0, 59)} ${rng.int(0, 23)} ${rng.int(1, 31)} ${rng.int(1, 12)} ${rng.chance(0.5) ? "*" : String(rng.int(0, 7))}`;
    cases.push([expr, instant(rng, 2000, 2990)]);
  }
  // No run in the window: impossible dates.
  for (const expr of ["0 0 30 2 *", "*/5 * 31 4,6,9,11 *", "59 23 30,31 2 *", "* * 31 2-4/2 *"]) {
    cases.push([expr, instant(rng, 2000, 2990)]);
  }
  // February 29 near years divisible by 100 but not by 400.
  cases.push(["0 0 29 2 *", "2097-01-01T00:00:00Z"]);
  cases.push(["30 12 29 2 *", "2196-03-01T00:00:00Z"]);
  cases.push(["0 0 29 2 *", "2299-02-24T00:00:00Z"]);
  cases.push(["0 0 29 2 *", "2399-06-30T12:00:00Z"]);
  return cases;
}

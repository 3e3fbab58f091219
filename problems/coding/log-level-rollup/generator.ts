import { createRng, type Rng } from "../../_lib/rng.ts";

const LEVELS = ["DEBUG", "INFO", "INFO", "INFO", "WARN", "ERROR"];
const BAD_LEVELS = ["WARNING", "warn", "Info", "ERROR:", "ERRORS", "TRACE", "FATAL", ""];
const ZONES = ["Z", "Z", "Z", "+00:00", "+01:00", "+02:00", "+05:30", "+05:45", "+09:00", "+14:00", "-03:30", "-05:00", "-08:00", "-11:00", "-00:00"];
const MESSAGES = ["", " GET /api/v1/orders 200", " upstream timeout", " disk 91%", " retrying", " conn reset"];

const p2 = (n: number): string => String(n).padStart(2, "0");

function timestamp(rng: Rng, startMs: number, spanMinutes: number): string {
  // A UTC instant, then shown in a random zone (local = UTC + offset).
  const zone = rng.pick(ZONES);
  const offset = zone === "Z" ? 0 : (zone[0] === "+" ? 1 : -1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const utcMs = startMs + rng.int(0, spanMinutes - 1) * 60_000 + rng.int(0, 59_999);
  const local = new Date(utcMs + offset * 60_000);
  let s = `${local.getUTCFullYear()}-${p2(local.getUTCMonth() + 1)}-${p2(local.getUTCDate())}T${p2(local.getUTCHours())}:${p2(local.getUTCMinutes())}:${p2(local.getUTCSeconds())}`;
  if (rng.chance(0.3)) s += "." + String(local.getUTCMilliseconds()).padStart(3, "0");
  return s + zone;
}

/** Corrupts a valid line in one of several realistic ways. */
function corrupt(rng: Rng, line: string): string {
  switch (rng.int(0, 7)) {
    case 0: return line.replace(/ [A-Z]+/, " " + rng.pick(BAD_LEVELS));
    case 1: return line.replace("T", " ");
    case 2: return line.replace(/-(\d\d)T/, "-31T"); // may or may not exist in that month
    case 3: return line.replace(/-(\d\d)-/, "-02-").replace(/-(\d\d)T/, `-${rng.pick(["29", "30"])}T`);
    case 4: return line.replace(/T\d\d/, `T${rng.pick(["24", "25", "99"])}`);
    case 5: return line.replace(/([+-]\d\d):(\d\d)/, "$1$2");
    case 6: return "  " + line;
    default: return line.slice(0, rng.int(0, line.length));
  }
}

function logs(rng: Rng, n: number, startMs: number, spanMinutes: number, badShare: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const line = `${timestamp(rng, startMs, spanMinutes)} ${rng.pick(LEVELS)}${rng.pick(MESSAGES)}`;
    out.push(rng.chance(badShare) ? corrupt(rng, line) : line);
  }
  return out;
}

export function generate(seed: number): unknown[][] {
  const rng = createRng(seed);
  const cases: unknown[][] = [];
  // Around leap days, month ends and the new year.
  const starts = [Date.UTC(2024, 1, 28, 22), Date.UTC(2023, 1, 28, 22), Date.UTC(2025, 11, 31, 20), Date.UTC(2026, 3, 30, 21), Date.UTC(2000, 0, 1, 0)];
  for (let i = 0; i < 8; i++) cases.push([logs(rng, rng.int(1, 30), rng.pick(starts), rng.int(1, 300), 0.3)]);
  for (let i = 0; i < 5; i++) cases.push([logs(rng, rng.int(1000, 4000), rng.pick(starts), rng.int(60, 3000), 0.2)]);
  // Max size: tens of thousands of distinct minutes, so a linear bucket search is slow.
  cases.push([logs(rng, 60_000, Date.UTC(2026, 10, 1), 60_000, 0.05)]);
  cases.push([logs(rng, 40_000, Date.UTC(2024, 1, 1), 30_000, 0.1)]);
  return cases;
}

import { two } from "../format.ts";

/** strftime as GNU date implements it, in UTC (the hosts run with TZ=Etc/UTC, as cloud images do). */
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function strftime(format: string, ms: number, nanos = 0): string {
  const d = new Date(ms);
  const Y = d.getUTCFullYear();
  const mo = d.getUTCMonth();
  const day = d.getUTCDate();
  const H = d.getUTCHours();
  const M = d.getUTCMinutes();
  const S = d.getUTCSeconds();
  const wd = d.getUTCDay();
  const yday = Math.floor((Date.UTC(Y, mo, day) - Date.UTC(Y, 0, 1)) / 86400_000) + 1;
  const map: Record<string, () => string> = {
    Y: () => String(Y), y: () => two(Y % 100), m: () => two(mo + 1), d: () => two(day), e: () => String(day).padStart(2, " "),
    H: () => two(H), I: () => two(H % 12 || 12), M: () => two(M), S: () => two(S), p: () => (H < 12 ? "AM" : "PM"),
    a: () => (DAYS[wd] ?? "").slice(0, 3), A: () => DAYS[wd] ?? "", b: () => (MONTHS[mo] ?? "").slice(0, 3), h: () => (MONTHS[mo] ?? "").slice(0, 3),
    B: () => MONTHS[mo] ?? "", j: () => String(yday).padStart(3, "0"), u: () => String(wd || 7), w: () => String(wd),
    s: () => String(Math.floor(ms / 1000)), N: () => String(nanos || (ms % 1000) * 1_000_000).padStart(9, "0"),
    z: () => "+0000", Z: () => "UTC", n: () => "\n", t: () => "\t", "%": () => "%",
    F: () => `${Y}-${two(mo + 1)}-${two(day)}`, T: () => `${two(H)}:${two(M)}:${two(S)}`, R: () => `${two(H)}:${two(M)}`,
    D: () => `${two(mo + 1)}/${two(day)}/${two(Y % 100)}`, c: () => strftime("%a %b %e %H:%M:%S %Y", ms),
    x: () => `${two(mo + 1)}/${two(day)}/${two(Y % 100)}`, X: () => `${two(H)}:${two(M)}:${two(S)}`,
  };
  return format.replace(/%(:?)([A-Za-z%])/g, (whole, colon: string, ch: string) => {
    if (colon && ch === "z") return "+00:00";
    const f = map[ch];
    return f ? f() : whole;
  });
}

/** GNU date's default output: "Wed Nov 25 09:00:05 UTC 2026". */
export const DEFAULT_FORMAT = "%a %b %e %H:%M:%S %Z %Y";

/** The --date forms people type: @EPOCH, ISO dates and times, now/today/yesterday/tomorrow, "N units ago", "+N units". */
export function parseDate(spec: string, nowMs: number): number | null {
  const s = spec.trim().toLowerCase();
  if (s === "" || s === "now") return nowMs;
  const epoch = /^@(-?\d+)$/.exec(s);
  if (epoch) return Number(epoch[1]) * 1000;
  const day = new Date(nowMs);
  const midnight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  if (s === "today") return nowMs;
  if (s === "yesterday") return nowMs - 86400_000;
  if (s === "tomorrow") return nowMs + 86400_000;
  const rel = /^([+-]?\d+)\s*(sec|second|min|minute|hour|day|week|month|year)s?( ago)?$/.exec(s);
  if (rel) {
    const unit = { sec: 1000, second: 1000, min: 60_000, minute: 60_000, hour: 3600_000, day: 86400_000, week: 604800_000, month: 2629746_000, year: 31556952_000 }[rel[2] as "sec"];
    const n = Number(rel[1]) * (rel[3] ? -1 : 1);
    return nowMs + n * unit;
  }
  const abs = /^(\d{4})-(\d\d)-(\d\d)(?:[ t](\d\d):(\d\d)(?::(\d\d))?)?(?:z| ?utc)?$/.exec(s);
  if (abs) return Date.UTC(Number(abs[1]), Number(abs[2]) - 1, Number(abs[3]), Number(abs[4] ?? 0), Number(abs[5] ?? 0), Number(abs[6] ?? 0));
  const time = /^(\d\d?):(\d\d)(?::(\d\d))?$/.exec(s);
  if (time) return midnight + (Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3] ?? 0)) * 1000;
  return null;
}

/**
 * Crontab syntax as Debian's cron 3.0pl1 reads it (entry.c, env.c): five
 * time fields made of lists of numbers, names, ranges and steps, or an
 * @keyword; then, in system tables (/etc/crontab, /etc/cron.d), a user name;
 * then the command up to the end of the line. Errors carry cron's own words
 * ("bad minute", "bad day-of-week", ...) because both the daemon's log and
 * `crontab`'s refusal print them.
 */

export interface Schedule {
  minutes: number[];
  hours: number[];
  doms: number[];
  months: number[];
  /** 0..7, Sunday as both 0 and 7. */
  dows: number[];
  domStar: boolean;
  dowStar: boolean;
}

export type CronLine =
  | { kind: "blank" }
  | { kind: "env"; name: string; value: string }
  | { kind: "entry"; reboot: boolean; schedule: Schedule; user: string | null; command: string }
  | { kind: "error"; message: string };

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const DOWS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat", "sun"];
/** MAX_COMMAND in cron.h. */
const MAX_COMMAND = 1000;

interface Field {
  low: number;
  high: number;
  names: string[] | null;
  error: string;
}

const FIELDS: Field[] = [
  { low: 0, high: 59, names: null, error: "bad minute" },
  { low: 0, high: 23, names: null, error: "bad hour" },
  { low: 1, high: 31, names: null, error: "bad day-of-month" },
  { low: 1, high: 12, names: MONTHS, error: "bad month" },
  { low: 0, high: 7, names: DOWS, error: "bad day-of-week" },
];

/** get_number(): digits, or (where the field has them) a three-letter name, case-insensitive. */
function number(token: string, field: Field): number | null {
  if (/^[0-9]*$/.test(token)) return token === "" ? 0 : Number(token);
  const i = field.names?.indexOf(token.toLowerCase()) ?? -1;
  return i >= 0 ? i + field.low : null;
}

/** One comma-separated range: `*`, `N`, `N-M`, either with `/STEP` (a bare `N/STEP` is refused). */
function range(text: string, field: Field, out: Set<number>): boolean {
  const m = /^(\*|[A-Za-z0-9]*)(?:-([A-Za-z0-9]*))?(?:\/([A-Za-z0-9]*))?$/.exec(text);
  if (!m) return false;
  const [, first = "", second, stepText] = m;
  let lo: number;
  let hi: number;
  if (first === "*") {
    if (second !== undefined) return false;
    lo = field.low;
    hi = field.high;
  } else {
    const a = number(first, field);
    if (a === null) return false;
    if (second === undefined) {
      if (stepText !== undefined) return false;
      if (a < field.low || a > field.high) return false;
      out.add(a);
      return true;
    }
    const b = number(second, field);
    if (b === null) return false;
    lo = a;
    hi = b;
  }
  let step = 1;
  if (stepText !== undefined) {
    if (!/^[0-9]+$/.test(stepText) || Number(stepText) === 0) return false;
    step = Number(stepText);
  }
  for (let i = lo; i <= hi; i += step) {
    if (i < field.low || i > field.high) return false;
    out.add(i);
  }
  return true;
}

function list(text: string, field: Field): number[] | null {
  const out = new Set<number>();
  for (const part of text.split(",")) if (!range(part, field, out)) return null;
  return [...out].sort((a, b) => a - b);
}

const SPECIALS: Record<string, string[]> = {
  yearly: ["0", "0", "1", "1", "*"], annually: ["0", "0", "1", "1", "*"], monthly: ["0", "0", "1", "*", "*"],
  weekly: ["0", "0", "*", "*", "0"], daily: ["0", "0", "*", "*", "*"], midnight: ["0", "0", "*", "*", "*"],
  hourly: ["0", "*", "*", "*", "*"],
};

function schedule(fields: string[]): Schedule | { error: string } {
  const lists: number[][] = [];
  for (let i = 0; i < 5; i++) {
    const field = FIELDS[i] as Field;
    const parsed = list(fields[i] ?? "", field);
    if (!parsed) return { error: field.error };
    lists.push(parsed);
  }
  const dows = lists[4] as number[];
  // cron makes Sundays equivalent: 0 and 7 both mean Sunday.
  if (dows.includes(0) || dows.includes(7)) for (const d of [0, 7]) if (!dows.includes(d)) dows.push(d);
  return {
    minutes: lists[0] as number[], hours: lists[1] as number[], doms: lists[2] as number[], months: lists[3] as number[],
    dows: dows.sort((a, b) => a - b), domStar: (fields[2] ?? "").startsWith("*"), dowStar: (fields[4] ?? "").startsWith("*"),
  };
}

/**
 * load_env(): `NAME=value` (blanks around `=` allowed, value optionally
 * quoted). A line whose first word is followed by anything but `=` is an entry.
 */
function envLine(line: string): { name: string; value: string } | null {
  const m = /^[ \t]*([^ \t=]+)[ \t]*=[ \t]*(.*?)[ \t]*$/.exec(line);
  if (!m) return null;
  let value = m[2] ?? "";
  const q = value[0];
  if ((q === "'" || q === '"') && value.length >= 2 && value.endsWith(q)) value = value.slice(1, -1);
  return { name: m[1] ?? "", value };
}

/** Split off `n` blank-separated words; the rest keeps its inner blanks. */
function words(line: string, n: number): { words: string[]; rest: string } | null {
  const out: string[] = [];
  let rest = line.replace(/^[ \t]+/, "");
  for (let i = 0; i < n; i++) {
    const m = /^([^ \t]+)[ \t]*/.exec(rest);
    if (!m) return null;
    out.push(m[1] ?? "");
    rest = rest.slice(m[0].length);
  }
  return { words: out, rest };
}

/**
 * One line of a crontab (without its newline). `system`: the table has a
 * user field. `knownUser` decides whether that user exists (cron refuses the
 * line with "bad username" otherwise).
 */
export function parseLine(line: string, system: boolean, knownUser: (name: string) => boolean = () => true): CronLine {
  const trimmed = line.replace(/^[ \t]+/, "");
  if (trimmed === "" || trimmed.startsWith("#")) return { kind: "blank" };
  const env = envLine(line);
  if (env) return { kind: "env", ...env };
  let sched: Schedule;
  let rest: string;
  let reboot = false;
  if (trimmed.startsWith("@")) {
    const w = words(trimmed, 1);
    const key = (w?.words[0] ?? "").slice(1);
    if (key === "reboot") {
      reboot = true;
      sched = { minutes: [], hours: [], doms: [], months: [], dows: [], domStar: false, dowStar: false };
    } else {
      const spec = SPECIALS[key];
      if (!spec) return { kind: "error", message: "bad time specifier" };
      const s = schedule(spec);
      if ("error" in s) return { kind: "error", message: s.error };
      sched = s;
    }
    rest = w?.rest ?? "";
    if (rest === "") return { kind: "error", message: "bad command" };
  } else {
    const fields: string[] = [];
    rest = trimmed;
    for (let i = 0; i < 5; i++) {
      const m = /^([^ \t]+)[ \t]*/.exec(rest);
      if (!m) return { kind: "error", message: (FIELDS[i] as Field).error };
      fields.push(m[1] ?? "");
      rest = rest.slice(m[0].length);
    }
    const s = schedule(fields);
    if ("error" in s) return { kind: "error", message: s.error };
    sched = s;
    // "check for premature EOL and catch a common typo": a sixth time field.
    if (rest === "" || rest.startsWith("*")) return { kind: "error", message: "bad command" };
  }
  let user: string | null = null;
  if (system) {
    const w = words(rest, 1);
    if (!w || w.rest === "") return { kind: "error", message: "bad command" };
    user = w.words[0] ?? "";
    if (!knownUser(user)) return { kind: "error", message: "bad username" };
    rest = w.rest;
  }
  if (rest.length >= MAX_COMMAND) return { kind: "error", message: "command too long" };
  return { kind: "entry", reboot, schedule: sched, user, command: rest };
}

export interface ParsedTable {
  env: Record<string, string>;
  entries: { schedule: Schedule; reboot: boolean; user: string | null; command: string; env: Record<string, string> }[];
}

/**
 * A whole table; the first error stops it, with its 1-based line number, as
 * cron stops loading (the daemon ignores the whole file) and crontab refuses.
 * A last line without its newline is "bad command": cron wants every entry terminated.
 */
export function parseTable(text: string, system: boolean, knownUser?: (name: string) => boolean): ParsedTable | { line: number; message: string } {
  const lines = text.split("\n");
  const terminated = text.endsWith("\n") || text === "";
  if (terminated) lines.pop();
  const table: ParsedTable = { env: {}, entries: [] };
  for (let i = 0; i < lines.length; i++) {
    const parsed = parseLine(lines[i] ?? "", system, knownUser);
    if (parsed.kind === "error") return { line: i + 1, message: parsed.message };
    if (parsed.kind === "env") table.env[parsed.name] = parsed.value;
    if (parsed.kind === "entry") {
      if (!terminated && i === lines.length - 1) return { line: i + 1, message: "bad command" };
      table.entries.push({ schedule: parsed.schedule, reboot: parsed.reboot, user: parsed.user, command: parsed.command, env: { ...table.env } });
    }
  }
  return table;
}

/** Does the schedule fire in the minute starting at `ms` (UTC, the host's zone)? cron.c's test, dom/dow OR rule included. */
export function firesAt(s: Schedule, ms: number): boolean {
  const d = new Date(ms);
  const dow = d.getUTCDay();
  const dowHit = s.dows.includes(dow);
  const domHit = s.doms.includes(d.getUTCDate());
  const day = s.domStar || s.dowStar ? dowHit && domHit : dowHit || domHit;
  return s.minutes.includes(d.getUTCMinutes()) && s.hours.includes(d.getUTCHours()) && s.months.includes(d.getUTCMonth() + 1) && day;
}

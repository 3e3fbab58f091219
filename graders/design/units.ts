/**
 * Quantities with units as candidates write them in capacity estimates
 * (`35k/s`, `1.2 TB`, `800 Mbit/s`, `40 servers`, `3.5e6 req/day`, `2 GiB`,
 * `120 ms`, `99.99 %`), normalised to base units: counts, bytes, seconds.
 *
 * Conventions (stated in errors so candidates learn them): `B` is a byte and
 * `b`/`bit` a bit; SI prefixes are decimal (kB = 1000 B), `Ki`/`Mi`/`Gi` are
 * binary; a month is 30 days and a year 365 days.
 */

export type Dimension = "count" | "ratio" | "rate" | "data" | "throughput" | "duration";

export interface Quantity {
  /** In base units: 1, bytes, seconds, or per second; ratios as a fraction (99 % = 0.99). */
  value: number;
  dimension: Dimension;
  /** What was counted, when the candidate named it: "servers", "req". */
  noun?: string;
}

export class QuantityError extends Error {
  readonly input: string;
  constructor(input: string, message: string) {
    super(`"${input}": ${message}`);
    this.name = "QuantityError";
    this.input = input;
  }
}

/** Exponents of (bytes, seconds): lets formulas multiply and divide dimensions. */
export interface Exponents {
  data: number;
  time: number;
}

export const DIMENSION_EXPONENTS: Record<Dimension, Exponents> = {
  count: { data: 0, time: 0 },
  ratio: { data: 0, time: 0 },
  rate: { data: 0, time: -1 },
  data: { data: 1, time: 0 },
  throughput: { data: 1, time: -1 },
  duration: { data: 0, time: 1 },
};

/** The dimension for exponents, or null when no quantity of ours has them (bytes·s, 1/byte …). */
export function dimensionOf(e: Exponents): Dimension | null {
  if (e.data === 0 && e.time === 0) return "count";
  if (e.data === 0 && e.time === -1) return "rate";
  if (e.data === 1 && e.time === 0) return "data";
  if (e.data === 1 && e.time === -1) return "throughput";
  if (e.data === 0 && e.time === 1) return "duration";
  return null;
}

/** Ratios are dimensionless, so they compare with counts (a fraction times a count is a count). */
export function sameDimension(a: Dimension, b: Dimension): boolean {
  const ea = DIMENSION_EXPONENTS[a];
  const eb = DIMENSION_EXPONENTS[b];
  return ea.data === eb.data && ea.time === eb.time;
}

export const DIMENSION_WORDS: Record<Dimension, string> = {
  count: "a count",
  ratio: "a percentage",
  rate: "a rate (things per unit of time)",
  data: "an amount of data",
  throughput: "a data rate (bytes or bits per unit of time)",
  duration: "a duration",
};

const TIME_UNITS: Record<string, number> = {
  ns: 1e-9, nanosecond: 1e-9,
  us: 1e-6, "µs": 1e-6, "μs": 1e-6, microsecond: 1e-6,
  ms: 1e-3, millisecond: 1e-3, msec: 1e-3,
  s: 1, sec: 1, second: 1,
  min: 60, minute: 60,
  h: 3600, hr: 3600, hour: 3600,
  d: 86400, day: 86400,
  wk: 604800, week: 604800,
  mo: 2592000, month: 2592000,
  y: 31536000, yr: 31536000, year: 31536000,
};

const DECIMAL_PREFIX: Record<string, number> = { "": 1, k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const BINARY_PREFIX: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };

/** Multipliers written after the number: 35k, 1.5 million, 2 bn. */
const SCALE_WORDS: Record<string, number> = {
  k: 1e3, K: 1e3, thousand: 1e3,
  M: 1e6, mm: 1e6, mn: 1e6, mil: 1e6, million: 1e6,
  bn: 1e9, billion: 1e9,
  tn: 1e12, trillion: 1e12,
};

/** Count-per-second abbreviations: rps, QPS, TPS, IOPS, with an optional prefix (kQPS). */
const RATE_WORDS = new Set(["rps", "qps", "tps", "iops", "ops", "mps", "eps", "lps"]);

const NUMBER = /^[~≈]?\s*(\d{1,3}(?:[, \u00a0\u202f_]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(e[-+]?\d+)?/i;

/** Parses one quantity; throws QuantityError saying what is wrong. */
export function parseQuantity(input: string): Quantity {
  const text = input.trim();
  if (text === "") throw new QuantityError(input, "empty: write a number with a unit, e.g. 35k/s or 1.2 TB");
  if (/^[-−]/.test(text)) throw new QuantityError(input, "quantities in an estimate cannot be negative");
  const m = NUMBER.exec(text);
  if (!m) throw new QuantityError(input, "does not start with a number (write 35k/s, not 'about thirty-five thousand')");
  const base = Number(m[1]!.replace(/[, \u00a0\u202f_]/g, "") + (m[2] ?? ""));
  if (!Number.isFinite(base)) throw new QuantityError(input, "the number is too large");
  const rest = text.slice(m[0].length).trim();
  const unit = parseUnit(input, rest);
  const value = base * unit.factor;
  if (!Number.isFinite(value)) throw new QuantityError(input, "the value is too large");
  const q: Quantity = { value, dimension: unit.dimension };
  if (unit.noun) q.noun = unit.noun;
  return q;
}

/** Like parseQuantity but returns the error message instead of throwing. */
export function tryParseQuantity(input: string): { ok: true; quantity: Quantity } | { ok: false; error: string } {
  try {
    return { ok: true, quantity: parseQuantity(input) };
  } catch (e) {
    if (e instanceof QuantityError) return { ok: false, error: e.message };
    throw e;
  }
}

interface Unit {
  factor: number;
  dimension: Dimension;
  noun?: string;
}

function parseUnit(input: string, rest: string): Unit {
  if (rest === "") return { factor: 1, dimension: "count" };
  if (rest === "%") return { factor: 0.01, dimension: "ratio" };
  // "per second" and "/s" mean the same; "Gbps" and "rps" carry their own "per second".
  const parts = rest.replace(/\s+per\s+/gi, "/").replace(/^per\s+/i, "/").split("/");
  if (parts.length > 2) throw new QuantityError(input, "more than one '/': write a single rate such as 3.5e6 req/day");
  const num = numerator(input, parts[0]!.trim());
  if (parts.length === 1) return num;
  const den = denominator(input, parts[1]!.trim());
  if (num.dimension === "count") return { ...num, factor: num.factor / den, dimension: "rate" };
  if (num.dimension === "data") return { ...num, factor: num.factor / den, dimension: "throughput" };
  throw new QuantityError(input, `${DIMENSION_WORDS[num.dimension]} cannot be divided by time`);
}

function denominator(input: string, text: string): number {
  // "/ 5 min" is a rate over a five-minute window.
  // Words after the time unit name what was counted ("/day of logs") and do not change the value.
  const m = /^(\d+(?:\.\d+)?)?\s*([^\s\d]\S*)?(?:\s+([A-Za-z][\w\s.-]*))?$/.exec(text);
  const count = m?.[1] ? Number(m[1]) : 1;
  const word = m?.[2] ?? (m ? "" : text);
  const seconds = timeUnit(word);
  if (seconds === undefined) {
    throw new QuantityError(
      input,
      word === ""
        ? "nothing after '/': write a time unit such as /s or /day"
        : `"/${word}" is not a time unit: estimates are totals or per-time rates (/s, /min, /h, /day, /month, /year)`,
    );
  }
  if (count === 0) throw new QuantityError(input, "division by a zero-length time");
  return count * seconds;
}

/** Own keys only: "constructor" or "toString" typed by a candidate must not hit Object.prototype. */
function lookup(table: Record<string, number>, key: string): number | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function timeUnit(word: string): number | undefined {
  const lower = word.toLowerCase();
  // Plurals: days, hours, secs, mins, yrs.
  return lookup(TIME_UNITS, word) ?? lookup(TIME_UNITS, lower) ?? (lower.endsWith("s") ? lookup(TIME_UNITS, lower.slice(0, -1)) : undefined);
}

function numerator(input: string, text: string): Unit {
  if (text === "") return { factor: 1, dimension: "count" };
  const words = text.split(/\s+/);
  let scale = 1;
  let i = 0;
  // The first word may be a scale (35 k req/s, 1.5 million hosts).
  const firstScale = lookup(SCALE_WORDS, words[0]!);
  if (firstScale !== undefined) {
    scale = firstScale;
    i = 1;
  }
  const head = words[i];
  if (head === undefined) return { factor: scale, dimension: "count" };
  const tail = words.slice(i + 1).join(" ");
  const unit = unitWord(input, head);
  if (unit) {
    if (tail !== "" && unit.dimension !== "count") {
      // "1.2 TB of logs" names what was measured; "2 GB 3 TB" is a mistake.
      if (/\d/.test(tail)) throw new QuantityError(input, `unexpected "${tail}" after the unit`);
      return { ...unit, factor: unit.factor * scale, noun: tail.replace(/^of\s+/i, "") };
    }
    return { ...unit, factor: unit.factor * scale };
  }
  const noun = [head, tail].filter((s) => s !== "").join(" ");
  if (!/^[A-Za-z][\w\s.-]*$/.test(noun)) throw new QuantityError(input, `"${noun}" is not a unit this parser knows (try s, ms, GB, Mbit/s, req/s, servers)`);
  return { factor: scale, dimension: "count", noun };
}

/** A unit word: time, data, data rate, count rate; undefined for a plain noun. */
function unitWord(input: string, word: string): Unit | undefined {
  if (word === "%") return { factor: 0.01, dimension: "ratio" };
  const t = timeUnit(word);
  // "m" alone is ambiguous (minutes? metres? million?); we do not guess.
  if (word === "m") throw new QuantityError(input, `"${word}" is ambiguous: write min for minutes or M/million for millions`);
  if (t !== undefined) return { factor: t, dimension: "duration" };
  const data = dataUnit(input, word);
  if (data) return data;
  const rate = /^([kKMG]?)([A-Za-z]+)$/.exec(word);
  if (rate && RATE_WORDS.has(rate[2]!.toLowerCase())) {
    return { factor: DECIMAL_PREFIX[rate[1]!]!, dimension: "rate", noun: rate[2]!.toLowerCase() };
  }
  return undefined;
}

function dataUnit(input: string, word: string): Unit | undefined {
  const m = /^([kKMGTPE]i?|)(B|b|bit|bits|byte|bytes|Byte|Bytes|bps|Bps)$/.exec(word);
  if (!m) {
    if (/^[mgtp]b(ps)?$/.test(word) || /^[mgtp]ib$/.test(word)) {
      throw new QuantityError(input, `"${word}" is ambiguous: write ${word[0]!.toUpperCase()}B for bytes or ${word[0]!.toUpperCase()}bit for bits`);
    }
    return undefined;
  }
  const prefix = m[1]!;
  const factor = prefix.endsWith("i") ? BINARY_PREFIX[prefix] : DECIMAL_PREFIX[prefix];
  if (factor === undefined) throw new QuantityError(input, `unknown prefix "${prefix}"`);
  const u = m[2]!;
  const perSecond = u === "bps" || u === "Bps";
  const bytesPer = u === "B" || u === "Bps" || u.toLowerCase().startsWith("byte") ? 1 : 1 / 8;
  return { factor: factor * bytesPer, dimension: perSecond ? "throughput" : "data" };
}

const SI = [
  { f: 1e12, s: "T" },
  { f: 1e9, s: "G" },
  { f: 1e6, s: "M" },
  { f: 1e3, s: "k" },
];

function compact(v: number, suffixes: { f: number; s: string }[] = SI): string {
  for (const { f, s } of suffixes) if (Math.abs(v) >= f) return `${round3(v / f)} ${s}`;
  return `${round3(v)} `;
}

function round3(v: number): string {
  return String(Number(v.toPrecision(3)));
}

/** A readable rendering in sensible units, for reports ("35 k/s", "1.2 TB", "120 ms"). */
export function formatQuantity(q: Quantity): string {
  switch (q.dimension) {
    case "count":
      return q.noun ? `${compact(q.value).trim()} ${q.noun}` : compact(q.value).trim();
    case "ratio":
      // Three significant digits would turn 99.95 % into "100 %", the difference that matters.
      return `${Number((q.value * 100).toPrecision(6))} %`;
    case "rate":
      return `${compact(q.value)}/s`;
    case "data":
      return `${compact(q.value)}B`;
    case "throughput":
      return `${compact(q.value)}B/s`;
    case "duration":
      return formatDuration(q.value);
  }
}

function formatDuration(s: number): string {
  if (s >= 86400) return `${round3(s / 86400)} days`;
  if (s >= 3600) return `${round3(s / 3600)} h`;
  if (s >= 60) return `${round3(s / 60)} min`;
  if (s >= 1) return `${round3(s)} s`;
  if (s >= 1e-3) return `${round3(s * 1e3)} ms`;
  if (s >= 1e-6) return `${round3(s * 1e6)} µs`;
  return `${round3(s * 1e9)} ns`;
}

/**
 * GNU sort's ordering (coreutils 9.1) in the C.UTF-8 locale the login shell
 * has: bytes compare as unsigned code points, -f folds to upper case, keys
 * are KEYDEFs over blank- or -t-separated fields, and lines whose keys tie
 * are ordered by the whole line as a last resort unless -s or -u is given.
 */

export interface Ordering {
  numeric: boolean;
  general: boolean;
  human: boolean;
  month: boolean;
  version: boolean;
  fold: boolean;
  reverse: boolean;
  blanks: boolean;
  dictionary: boolean;
  ignoreNonprinting: boolean;
}

export interface KeyDef extends Ordering {
  startField: number;
  startChar: number;
  /** 0: to the end of the line. */
  endField: number;
  /** 0: to the end of the end field. */
  endChar: number;
  /** True when the key named its own ordering letters: then the global ones do not apply to it. */
  own: boolean;
}

export function emptyOrdering(): Ordering {
  return { numeric: false, general: false, human: false, month: false, version: false, fold: false, reverse: false, blanks: false, dictionary: false, ignoreNonprinting: false };
}

/** Applies ordering letters (the same as the single-letter options) to `o`; false if a letter is not one. */
export function applyLetters(o: Ordering, letters: string): boolean {
  for (const ch of letters) {
    if (ch === "n") o.numeric = true;
    else if (ch === "g") o.general = true;
    else if (ch === "h") o.human = true;
    else if (ch === "M") o.month = true;
    else if (ch === "V") o.version = true;
    else if (ch === "f") o.fold = true;
    else if (ch === "r") o.reverse = true;
    else if (ch === "b") o.blanks = true;
    else if (ch === "d") o.dictionary = true;
    else if (ch === "i") o.ignoreNonprinting = true;
    else return false;
  }
  return true;
}

/** Parses `F[.C][OPTS][,F[.C][OPTS]]`; returns an error text in sort's words on failure. */
export function parseKey(spec: string, global: Ordering): KeyDef | string {
  const m = /^(\d+)(?:\.(\d+))?([a-zA-Z]*)(?:,(\d+)(?:\.(\d+))?([a-zA-Z]*))?$/.exec(spec);
  if (!m) return `sort: invalid number at field start: invalid count at start of ‘${spec}’`;
  const startField = Number(m[1]);
  if (startField === 0) return `sort: field number is zero: invalid field specification ‘${spec}’`;
  const startChar = m[2] !== undefined ? Number(m[2]) : 1;
  if (startChar === 0) return `sort: character offset is zero: invalid field specification ‘${spec}’`;
  const letters = (m[3] ?? "") + (m[6] ?? "");
  const own = letters.length > 0;
  const key: KeyDef = { ...(own ? emptyOrdering() : { ...global }), startField, startChar, endField: m[4] !== undefined ? Number(m[4]) : 0, endChar: m[5] !== undefined ? Number(m[5]) : 0, own };
  if (!applyLetters(key, letters)) return `sort: stray character in field spec: invalid field specification ‘${spec}’`;
  return key;
}

/** Start offsets of each field: with -t the separator splits; without, a field is leading blanks plus non-blanks. */
function fieldStarts(line: string, sep: string | null): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  if (sep !== null) {
    let at = 0;
    for (;;) {
      starts.push(at);
      const next = line.indexOf(sep, at);
      if (next < 0) {
        ends.push(line.length);
        break;
      }
      ends.push(next);
      at = next + sep.length;
    }
    return { starts, ends };
  }
  let i = 0;
  while (i < line.length) {
    starts.push(i);
    while (i < line.length && (line[i] === " " || line[i] === "\t")) i++;
    while (i < line.length && line[i] !== " " && line[i] !== "\t") i++;
    ends.push(i);
  }
  if (starts.length === 0) {
    starts.push(0);
    ends.push(0);
  }
  return { starts, ends };
}

const skipBlanks = (s: string, i: number, end: number): number => {
  while (i < end && (s[i] === " " || s[i] === "\t")) i++;
  return i;
};

/** The text of `key` in `line`, as sort's begfield/limfield compute it. */
export function keyText(line: string, key: KeyDef, sep: string | null): string {
  const { starts, ends } = fieldStarts(line, sep);
  const fStart = key.startField - 1;
  let begin: number;
  if (fStart >= starts.length) begin = line.length;
  else {
    begin = starts[fStart] as number;
    const fieldEnd = ends[fStart] as number;
    if (key.blanks) begin = skipBlanks(line, begin, fieldEnd);
    begin = Math.min(begin + key.startChar - 1, sep !== null ? fieldEnd : line.length);
  }
  let limit: number;
  if (key.endField === 0) limit = line.length;
  else {
    const fEnd = key.endField - 1;
    if (fEnd >= starts.length) limit = line.length;
    else if (key.endChar === 0) limit = ends[fEnd] as number;
    else {
      let s = starts[fEnd] as number;
      if (key.blanks) s = skipBlanks(line, s, ends[fEnd] as number);
      limit = Math.min(s + key.endChar, ends[fEnd] as number);
    }
  }
  return limit > begin ? line.slice(begin, limit) : "";
}

function numericPrefix(s: string): number {
  const m = /^[ \t]*(-?)(\d*)(?:\.(\d*))?/.exec(s);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return 0;
  const v = Number(`${m[2] || "0"}.${m[3] || "0"}`);
  return m[1] ? -v : v;
}

const SUFFIXES = "KMGTPEZYRQ";

function humanKey(s: string): [number, number] {
  const m = /^[ \t]*(-?)(\d*)(?:\.(\d*))?([kKMGTPEZYRQ]?)/.exec(s);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return [0, 0];
  const sign = m[1] ? -1 : 1;
  const v = Number(`${m[2] || "0"}.${m[3] || "0"}`);
  const suffix = (m[4] ?? "").toUpperCase();
  const mag = suffix ? SUFFIXES.indexOf(suffix) + 1 : 0;
  return [sign * (v === 0 ? 0 : mag + 1), sign * v];
}

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

function monthKey(s: string): number {
  return MONTHS.indexOf(s.trimStart().slice(0, 3).toUpperCase()) + 1;
}

/** filevercmp, close enough for package and file names: digit runs compare as numbers. */
function versionCompare(a: string, b: string): number {
  const re = /(\d+)|(\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i] as string;
    const y = pb[i] as string;
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
    } else if (x !== y) return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

export function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function filtered(s: string, o: Ordering): string {
  let out = s;
  if (o.dictionary) out = out.replace(/[^A-Za-z0-9 \t]/g, "");
  else if (o.ignoreNonprinting) out = out.replace(/[^\x20-\x7e]/g, "");
  return o.fold ? out.toUpperCase() : out;
}

/** Compares two key texts under one ordering, without `reverse`. */
export function compareText(a: string, b: string, o: Ordering): number {
  if (o.numeric) return Math.sign(numericPrefix(a) - numericPrefix(b));
  if (o.general) {
    const x = Number.parseFloat(a);
    const y = Number.parseFloat(b);
    const nx = Number.isNaN(x);
    const ny = Number.isNaN(y);
    if (nx || ny) return nx && ny ? 0 : nx ? -1 : 1;
    return Math.sign(x - y);
  }
  if (o.human) {
    const [ma, va] = humanKey(a);
    const [mb, vb] = humanKey(b);
    return Math.sign(ma - mb) || Math.sign(va - vb);
  }
  if (o.month) return Math.sign(monthKey(a) - monthKey(b));
  if (o.version) return Math.sign(versionCompare(a, b));
  const x = o.blanks ? a.trimStart() : a;
  const y = o.blanks ? b.trimStart() : b;
  return byteCompare(filtered(x, o), filtered(y, o));
}

import { latin1FromBytes } from "just-bash";
import { SysError } from "../../state/errors.ts";
import { joinPath } from "../../state/paths.ts";
import type { HostCommand } from "../types.ts";
import { applyLetters, byteCompare, compareText, emptyOrdering, keyText, parseKey, type KeyDef, type Ordering } from "./keys.ts";

/**
 * GNU sort 9.1. just-bash's sort orders by localeCompare ("apple" before
 * "Apple"), which no Debian box does in C.UTF-8; `sort | uniq -c | sort -rn`
 * is the pipeline every investigation uses, so it has its own implementation.
 * Exit 2 on trouble, as sort documents.
 */

const TRY = "Try 'sort --help' for more information.\n";
const usage = (msg: string) => ({ stdout: "", stderr: `${msg}\n${TRY}`, exitCode: 2 });

interface Options {
  global: Ordering;
  keys: KeyDef[];
  sep: string | null;
  unique: boolean;
  stable: boolean;
  check: "no" | "diagnose" | "quiet";
  output: string | null;
  zero: boolean;
  files: string[];
}

const LONG: Record<string, string> = {
  "--numeric-sort": "n", "--general-numeric-sort": "g", "--human-numeric-sort": "h", "--month-sort": "M", "--version-sort": "V",
  "--ignore-case": "f", "--reverse": "r", "--ignore-leading-blanks": "b", "--dictionary-order": "d", "--ignore-nonprinting": "i",
};

function parse(args: string[]): Options | { error: ReturnType<typeof usage> } {
  const o: Options = { global: emptyOrdering(), keys: [], sep: null, unique: false, stable: false, check: "no", output: null, zero: false, files: [] };
  const keySpecs: string[] = [];
  const takeSep = (v: string): string | null => {
    if (v === "\\0") return "\0";
    return [...v].length === 1 ? v : null;
  };
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "--") {
      i++;
      break;
    }
    if (a === "-" || !a.startsWith("-")) {
      o.files.push(a);
      continue;
    }
    if (a.startsWith("--")) {
      const [name, value] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
      const letter = LONG[name];
      if (letter) applyLetters(o.global, letter);
      else if (name === "--unique") o.unique = true;
      else if (name === "--stable") o.stable = true;
      else if (name === "--zero-terminated") o.zero = true;
      else if (name === "--check") o.check = value === "quiet" || value === "silent" ? "quiet" : "diagnose";
      else if (name === "--key") keySpecs.push(value ?? (args[++i] as string | undefined) ?? "");
      else if (name === "--field-separator") {
        const sep = takeSep(value ?? args[++i] ?? "");
        if (sep === null) return { error: usage("sort: multi-character tab ‘" + (value ?? "") + "’") };
        o.sep = sep;
      } else if (name === "--output") o.output = value ?? args[++i] ?? "";
      else if (["--buffer-size", "--temporary-directory", "--parallel", "--batch-size", "--compress-program"].includes(name)) {
        if (value === undefined) i++;
      } else return { error: usage(`sort: unrecognized option '${a}'`) };
      continue;
    }
    // Short options cluster; -k, -t, -o, -S, -T take the rest of the word or the next word.
    for (let j = 1; j < a.length; j++) {
      const ch = a[j] as string;
      if ("ktoST".includes(ch)) {
        const rest = a.slice(j + 1);
        const value = rest !== "" ? rest : args[++i];
        if (value === undefined) return { error: usage(`sort: option requires an argument -- '${ch}'`) };
        if (ch === "k") keySpecs.push(value);
        else if (ch === "t") {
          const sep = takeSep(value);
          if (sep === null) return { error: { stdout: "", stderr: `sort: multi-character tab ‘${value}’\n`, exitCode: 2 } };
          o.sep = sep;
        } else if (ch === "o") o.output = value;
        break;
      }
      if (applyLetters(o.global, ch)) continue;
      if (ch === "u") o.unique = true;
      else if (ch === "s") o.stable = true;
      else if (ch === "z") o.zero = true;
      else if (ch === "c") o.check = "diagnose";
      else if (ch === "C") o.check = "quiet";
      else if (ch === "m" || ch === "R") continue;
      else return { error: usage(`sort: invalid option -- '${ch}'`) };
    }
  }
  o.files.push(...args.slice(i));
  for (const spec of keySpecs) {
    const key = parseKey(spec, o.global);
    if (typeof key === "string") return { error: { stdout: "", stderr: `${key}\n`, exitCode: 2 } };
    o.keys.push(key);
  }
  return o;
}

function comparator(o: Options): (a: string, b: string) => number {
  const keys: KeyDef[] = o.keys.length ? o.keys : [{ ...o.global, startField: 1, startChar: 1, endField: 0, endChar: 0, own: false }];
  const wholeLine = o.keys.length === 0;
  return (a, b) => {
    for (const key of keys) {
      const x = wholeLine ? a : keyText(a, key, o.sep);
      const y = wholeLine ? b : keyText(b, key, o.sep);
      const d = compareText(x, y, key);
      if (d !== 0) return key.reverse ? -d : d;
    }
    if (o.unique || o.stable) return 0;
    const d = byteCompare(a, b);
    return o.global.reverse ? -d : d;
  };
}

export const sort: HostCommand = {
  name: "sort",
  async run(args, ctx) {
    const parsed = parse(args);
    if ("error" in parsed) return parsed.error;
    const o = parsed;
    let text = "";
    for (const f of o.files.length ? o.files : ["-"]) {
      if (f === "-") {
        text += latin1FromBytes(ctx.stdin);
        continue;
      }
      const abs = joinPath(ctx.cwd, f);
      try {
        const st = await ctx.fs.stat(abs);
        if (st.isDirectory) return { stdout: "", stderr: `sort: read failed: ${f}: Is a directory\n`, exitCode: 2 };
        text += Buffer.from(await ctx.fs.readFileBuffer(abs)).toString("latin1");
      } catch (e) {
        if (!(e instanceof SysError)) throw e;
        return { stdout: "", stderr: `sort: cannot read: ${f}: ${e.text}\n`, exitCode: 2 };
      }
      // Each file's last line ends even when the file does not end in a newline.
      const eol = o.zero ? "\0" : "\n";
      if (text !== "" && !text.endsWith(eol)) text += eol;
    }
    const eol = o.zero ? "\0" : "\n";
    const lines = text === "" ? [] : text.slice(0, text.endsWith(eol) ? -1 : undefined).split(eol);
    const cmp = comparator(o);
    if (o.check !== "no") {
      const strict = o.unique;
      for (let n = 1; n < lines.length; n++) {
        const d = cmp(lines[n - 1] as string, lines[n] as string);
        if (d > 0 || (strict && d === 0)) {
          const name = o.files[0] ?? "-";
          return { stdout: "", stderr: o.check === "quiet" ? "" : `sort: ${name}:${n + 1}: disorder: ${lines[n]}\n`, exitCode: 1 };
        }
      }
      return { stdout: "", stderr: "", exitCode: 0 };
    }
    // Array.prototype.sort is stable, which is what -s promises and harmless otherwise.
    const sorted = lines.map((l, i) => ({ l, i })).sort((x, y) => cmp(x.l, y.l)).map((x) => x.l);
    let out = sorted;
    if (o.unique) out = sorted.filter((l, i) => i === 0 || cmp(sorted[i - 1] as string, l) !== 0);
    const result = out.length ? out.join(eol) + eol : "";
    if (o.output !== null && o.output !== "-") {
      await ctx.fs.writeFile(joinPath(ctx.cwd, o.output), result);
      return { stdout: "", stderr: "", exitCode: 0 };
    }
    return { stdout: result, stderr: "", exitCode: 0, stdoutKind: "bytes" };
  },
};

import type { ExecResult } from "just-bash";

/**
 * GNU grep's command line rewritten into what just-bash's grep parses.
 * just-bash keeps only the last `-e` and splits its pattern on newlines, so
 * every -e / --regexp / -ePAT (also inside clusters such as `-ie`) is
 * gathered into one newline-joined -e: the same pattern list GNU builds
 * (grep(1): "patterns separated by newline characters"), combined with the
 * -f patterns and matched with the -F/-E/-w/-x semantics just-bash applies
 * to the whole list. Option clusters are split so that `-nA2` or `-rsn` reach
 * it letter by letter; long options it lacks are mapped to short ones.
 */

/** Short options that take a value: the rest of the cluster, or the next word. */
const WITH_VALUE = new Set(["e", "f", "m", "A", "B", "C", "d", "D"]);
const LONG_WITH_VALUE: Record<string, string> = { "--after-context": "-A", "--before-context": "-B", "--context": "-C", "--max-count": "-m", "--file": "-f" };

export interface GrepArgs {
  args: string[];
  /** -s / --no-messages: errors about unreadable files are not printed (the exit status stays 2). */
  quietErrors: boolean;
  /** GNU's usage error for an option missing its value. */
  error?: string;
}

const USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";

export function normaliseGrepArgs(argv: string[]): GrepArgs {
  const out: string[] = [];
  const patterns: string[] = [];
  let quietErrors = false;
  let operands = false;
  let error: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (operands || a === "-" || !a.startsWith("-")) {
      out.push(a);
      continue;
    }
    if (a === "--") {
      operands = true;
      out.push(a);
      continue;
    }
    if (a.startsWith("--")) {
      const [name, inline] = a.split(/=(.*)/s) as [string, string?];
      const value = (): string => {
        const v = inline ?? argv[++i];
        if (v === undefined) error ??= `grep: option '${name}' requires an argument\n${USAGE}`;
        return v ?? "";
      };
      if (name === "--regexp") patterns.push(value());
      else if (/^--colou?r$/.test(name)) continue; // output goes to a pipe or file: no SGR sequences either way
      else if (name === "--no-messages") quietErrors = true;
      else if (name in LONG_WITH_VALUE) out.push(LONG_WITH_VALUE[name]!, value());
      else out.push(a);
      continue;
    }
    // A cluster: -inr, -A2, -ie PAT, -m1, -5 (context lines).
    const digits = /^-(\d+)$/.exec(a);
    if (digits) {
      out.push("-C", digits[1]!);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const ch = a[j]!;
      if (ch === "s") { quietErrors = true; continue; }
      if (!WITH_VALUE.has(ch)) { out.push(`-${ch}`); continue; }
      const rest = a.slice(j + 1);
      const value = rest !== "" ? rest : argv[++i];
      if (value === undefined) {
        error ??= `grep: option requires an argument -- '${ch}'\n${USAGE}`;
        break;
      }
      if (ch === "e") patterns.push(value);
      else out.push(`-${ch}`, value);
      break;
    }
  }
  return { args: patterns.length ? ["-e", patterns.join("\n"), ...out] : out, quietErrors, ...(error ? { error } : {}) };
}

/** -s drops the messages about files that cannot be read; everything else grep says stays. */
export function dropFileErrors(r: ExecResult): ExecResult {
  const stderr = r.stderr.replace(/^grep: .+: (No such file or directory|Permission denied|Is a directory)\n/gm, "");
  return { ...r, stderr };
}

/** The /dev/null operand added to force file names (-H) shows up only as "/dev/null:0" (-c) or "/dev/null" (-L). */
export function stripDevNull(r: ExecResult): ExecResult {
  return { ...r, stdout: r.stdout.replace(/^\/dev\/null(:\d+)?\n/gm, "") };
}

/** Short options whose value is the next word (once normaliseGrepArgs has split the clusters). */
export const VALUE_OPTIONS = new Set(["-e", "-f", "-m", "-A", "-B", "-C", "-d", "-D"]);

/** The file operands: what follows the options, less the pattern when no -e/-f gave one. */
export function fileOperands(args: string[]): string[] {
  const explicit = args.some((a) => a === "-e" || a === "-f" || a.startsWith("--file"));
  const positional: string[] = [];
  let dashDash = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!dashDash && a === "--") { dashDash = true; continue; }
    if (!dashDash && a.startsWith("-") && a !== "-") {
      if (VALUE_OPTIONS.has(a)) i++;
      continue;
    }
    positional.push(a);
  }
  return explicit ? positional : positional.slice(1);
}

/**
 * just-bash's grep has no -H; a second, empty operand gives the same file
 * names (the classic /dev/null trick), with "-" naming standard input when
 * no file was given. stripDevNull removes what the extra operand adds.
 */
export function forceFilenames(args: string[]): string[] {
  const flags = args.filter((a) => /^-[A-Za-z]$/.test(a)).join("");
  if (!flags.includes("H") && !args.includes("--with-filename")) return args;
  const rest = args.filter((a) => a !== "-H" && a !== "--with-filename");
  return [...rest, ...(fileOperands(rest).length ? [] : ["-"]), "/dev/null"];
}

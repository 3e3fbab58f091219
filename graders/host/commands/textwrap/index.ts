import type { ExecResult } from "just-bash";
import { SysError } from "../../state/errors.ts";
import * as fs from "../../state/fs.ts";
import { joinPath } from "../../state/paths.ts";
import type { Runtime } from "../../shell/runtime.ts";
import type { HostCommand } from "../types.ts";
import { xargsFastPath } from "../xargs/index.ts";
import { dropFileErrors, forceFilenames, normaliseGrepArgs, stripDevNull } from "./grep-args.ts";
import { expandRecursive } from "./grep-recursive.ts";

const GREPS = new Set(["grep", "egrep", "fgrep"]);

/**
 * just-bash's text tools (grep, wc, sort, ...) report every unreadable
 * operand as "No such file or directory". Run them, then ask the model why
 * each such path really failed and print that errno, in the tool's own
 * wording where GNU's differs from "TOOL: PATH: error".
 */

/** Why opening `abs` for reading fails, or null if it would not. */
function openError(rt: Runtime, abs: string): SysError | null {
  try {
    const { inode } = fs.resolve(rt.host.state, rt.cred, abs);
    if (inode.kind === "dir") return new SysError("EISDIR", abs);
    if (!fs.permits(inode, rt.cred, 4)) return new SysError("EACCES", abs);
    return null;
  } catch (e) {
    if (e instanceof SysError) return e;
    throw e;
  }
}

const FORMATS: Record<string, (path: string, text: string) => string> = {
  sort: (p, t) => `sort: cannot read: ${p}: ${t}`,
  sed: (p, t) => `sed: can't read ${p}: ${t}`,
  // mawk names itself after argv[0], which is "awk" through the alternatives link.
  awk: (p, t) => `awk: cannot open ${p} (${t})`,
};

export function fixStderr(rt: Runtime, cwd: string, tool: string, result: ExecResult): ExecResult {
  const fixed = result.stderr.replace(new RegExp(`^${tool}: (.+): No such file or directory$`, "gm"), (line, path: string) => {
    const err = openError(rt, joinPath(cwd, path));
    if (!err) return line;
    // grep and wc say "TOOL: PATH: error"; sort, sed and awk have their own wording.
    const format = FORMATS[tool];
    return format ? format(path, err.text) : `${tool}: ${path}: ${err.text}`;
  });
  return { ...result, stderr: fixed };
}

export const TEXT_TOOLS = ["grep", "egrep", "fgrep", "wc", "uniq", "xargs", "cut", "sed", "awk", "md5sum", "sha1sum", "sha256sum", "tac", "nl", "paste", "od", "strings", "base64", "rev", "fold", "comm", "join"];

export function wrapTextTool(name: string): HostCommand {
  return {
    name,
    async run(args, ctx, rt) {
      if (!ctx.origCommand) throw new Error(`${name} needs just-bash's ${name} underneath`);
      // `... | xargs rm` over a huge directory: removed in one pass (commands/xargs).
      const fast = name === "xargs" ? await xargsFastPath(args, ctx, rt) : null;
      if (fast) return fast;
      // grep -r: the wrapper walks the tree itself (grep-recursive.ts) and hands over the files.
      const grepArgs = GREPS.has(name) ? normaliseGrepArgs(args) : null;
      if (grepArgs?.error) return { stdout: "", stderr: grepArgs.error, exitCode: 2 };
      const walked = grepArgs ? expandRecursive(grepArgs.args, rt, ctx.cwd) : null;
      if (walked?.empty) return OUTPUT_FIXES[name]?.(args, { stdout: "", stderr: walked.stderr, exitCode: walked.stderr ? 2 : 1 }) ?? { stdout: "", stderr: walked.stderr, exitCode: 1 };
      const gnuArgs = ARG_FIXES[name]?.(walked?.args ?? args) ?? args;
      let result = fixStderr(rt, ctx.cwd, name, await ctx.origCommand(gnuArgs));
      if (GREPS.has(name) && gnuArgs.at(-1) === "/dev/null" && (walked?.args ?? args).at(-1) !== "/dev/null") result = stripDevNull(result);
      if (walked?.stderr) result = { ...result, stderr: walked.stderr + result.stderr, exitCode: result.exitCode === 0 && gnuArgs.includes("-q") ? 0 : 2 };
      return OUTPUT_FIXES[name]?.(args, result) ?? result;
    },
  };
}

/** Splits `-n1` into `-n 1` for options just-bash only accepts with a separate value. */
function splitAttached(args: string[], letters: string): string[] {
  const out: string[] = [];
  for (const a of args) {
    const m = /^-([A-Za-z])(.+)$/.exec(a);
    if (m && letters.includes(m[1] as string)) out.push(`-${m[1]}`, m[2] as string);
    else out.push(a);
  }
  return out;
}

/**
 * Where just-bash's tools parse GNU usage differently: xargs wants `-n 1`
 * where everyone types `-n1` or `-I{}`; grep has no -H, which with a single
 * file is what a second, empty operand gives (the classic /dev/null trick).
 */
function grepArgFix(argv: string[]): string[] {
  return forceFilenames(normaliseGrepArgs(argv).args);
}

const ARG_FIXES: Record<string, (args: string[]) => string[]> = {
  xargs: (args) => {
    const cmdAt = args.findIndex((a, i) => !a.startsWith("-") && !/^-[nIPdLsE]$/.test(args[i - 1] ?? ""));
    const opts = cmdAt < 0 ? args : args.slice(0, cmdAt);
    return [...splitAttached(opts, "nIPdLsE"), ...(cmdAt < 0 ? [] : args.slice(cmdAt))];
  },
  grep: grepArgFix,
  egrep: grepArgFix,
  fgrep: grepArgFix,
};

/** GNU formats just-bash does not reproduce. */
const OUTPUT_FIXES: Record<string, (args: string[], r: ExecResult) => ExecResult> = {
  grep: (args, r) => (normaliseGrepArgs(args).quietErrors ? dropFileErrors(r) : r),
  egrep: (args, r) => (normaliseGrepArgs(args).quietErrors ? dropFileErrors(r) : r),
  fgrep: (args, r) => (normaliseGrepArgs(args).quietErrors ? dropFileErrors(r) : r),
  // uniq -c prints counts as "%7d " (coreutils), just-bash pads to 4.
  uniq: (args, r) => {
    const counting = args.some((a) => (/^-[A-Za-z]+$/.test(a) && a.includes("c")) || a === "--count");
    if (!counting) return r;
    return { ...r, stdout: r.stdout.replace(/^ *(\d+) /gm, (_m, n: string) => `${n.padStart(7)} `) };
  },
  // GNU cut follows a usage error with the pointer to --help.
  cut: (_args, r) => (r.exitCode === 1 && /^cut: you must specify/.test(r.stderr) && !r.stderr.includes("--help") ? { ...r, stderr: `${r.stderr}Try 'cut --help' for more information.\n` } : r),
};

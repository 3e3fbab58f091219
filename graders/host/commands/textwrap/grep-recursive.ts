import * as fs from "../../state/fs.ts";
import { SysError } from "../../state/errors.ts";
import { joinPath } from "../../state/paths.ts";
import type { Runtime } from "../../shell/runtime.ts";
import { VALUE_OPTIONS } from "./grep-args.ts";

/**
 * grep -r / -R as GNU grep 3.8 walks (fts): every regular file below each
 * directory operand, named operand + "/" + relative path (trailing slashes of
 * the operand dropped), "." without its "./" when no operand is given;
 * symlinks met while walking are followed by -R only; devices and FIFOs are
 * skipped. The walk returns the file list for just-bash's grep to search,
 * plus the warnings GNU prints for directories it cannot read.
 */

/** A big tree is cut here rather than listing a million session files. */
const MAX_FILES = 50_000;

export interface GrepCall {
  args: string[];
  /** Warnings for unreadable directories, in walk order. */
  stderr: string;
  /** Nothing to search: grep exits 1 (or 2 after a warning) without reading stdin. */
  empty: boolean;
}

export function expandRecursive(args: string[], rt: Runtime, cwd: string): GrepCall | null {
  const recursive = args.some((a) => a === "-r" || a === "-R" || a === "--recursive" || a === "--dereference-recursive");
  if (!recursive) return null;
  const deref = args.some((a) => a === "-R" || a === "--dereference-recursive");
  const opts: string[] = [];
  const operands: string[] = [];
  const explicitPattern = args.some((a) => a === "-e" || a === "-f" || a === "--file" || a.startsWith("--file="));
  let pattern: string | null = null;
  let afterDashDash = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!afterDashDash && a === "--") { afterDashDash = true; continue; }
    if (!afterDashDash && a.startsWith("-") && a !== "-") {
      if (["-r", "-R", "--recursive", "--dereference-recursive"].includes(a)) continue;
      opts.push(a);
      if (VALUE_OPTIONS.has(a)) opts.push(args[++i] ?? "");
      continue;
    }
    if (!explicitPattern && pattern === null) pattern = a;
    else operands.push(a);
  }
  const noFilename = opts.includes("-h") || opts.includes("--no-filename");
  // --exclude-dir=GLOB skips subdirectories by base name (just-bash applies --include/--exclude to the files).
  const skipDirs = opts.filter((a) => a.startsWith("--exclude-dir=")).map((a) => globRegExp(a.slice(14)));
  const skipped = (name: string): boolean => skipDirs.some((re) => re.test(name));
  const files: string[] = [];
  let stderr = "";
  let sawDir = operands.length === 0;
  const walk = (abs: string, shown: string): void => {
    let entries: fs.DirEntry[];
    try {
      entries = fs.readdir(rt.host.state, rt.cred, abs, MAX_FILES);
    } catch (e) {
      if (!(e instanceof SysError)) throw e;
      stderr += `grep: ${shown}: ${e.text}\n`;
      return;
    }
    for (const { name, inode } of entries) {
      if (files.length >= MAX_FILES) return;
      const childAbs = joinPath(abs, name);
      const childShown = shown === "" ? name : shown.endsWith("/") ? `${shown}${name}` : `${shown}/${name}`;
      let target = inode;
      if (inode.kind === "symlink") {
        if (!deref) continue;
        const r = fs.tryResolve(rt.host.state, rt.cred, childAbs);
        if (!r) continue;
        target = r.inode;
      }
      if (target.kind === "dir") {
        if (!skipped(name)) walk(childAbs, childShown);
      }
      else if (target.kind === "file") files.push(childShown);
    }
  };
  if (operands.length === 0) walk(cwd, "");
  for (const op of operands) {
    const abs = joinPath(cwd, op);
    const r = op === "-" ? null : fs.tryResolve(rt.host.state, rt.cred, abs);
    if (r && r.inode.kind === "dir") {
      sawDir = true;
      walk(abs, op.length > 1 ? op.replace(/\/+$/, "") || "/" : op);
    } else files.push(op);
  }
  // A directory to walk means names on every line, as with several files.
  const named = !noFilename && sawDir && !opts.includes("-H");
  const head = pattern === null ? opts : [...opts, "-e", pattern];
  return { args: [...head, ...(named ? ["-H"] : []), ...files], stderr, empty: files.length === 0 };
}

/** A shell glob (*, ?, [...]) as fnmatch matches a whole name. */
function globRegExp(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === "*") re += ".*";
    else if (ch === "?") re += ".";
    else if (ch === "[") {
      const end = glob.indexOf("]", i + 2);
      if (end < 0) re += "\\[";
      else {
        re += `[${glob.slice(i + 1, end).replace(/^!/, "^").replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else re += ch.replace(/[.+^${}()|\\/]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

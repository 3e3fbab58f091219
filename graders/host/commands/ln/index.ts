import { SysError } from "../../state/errors.ts";
import * as fs from "../../state/fs.ts";
import { basename, joinPath } from "../../state/paths.ts";
import type { HostCommand } from "../types.ts";

/**
 * GNU ln (coreutils 9.1). just-bash's ln tests the destination with a
 * following stat, so `ln -sfn NEW LINK` over a dangling link failed with
 * "File exists"; replacing a broken symlink is exactly what an engineer does.
 * Here the destination is checked with lstat, as coreutils does.
 */

const TRY = "Try 'ln --help' for more information.\n";

interface Opts {
  symbolic: boolean;
  force: boolean;
  noDeref: boolean;
  noTargetDir: boolean;
  verbose: boolean;
  targetDir: string | null;
}

function parse(args: string[]): { opts: Opts; operands: string[] } | { error: string } {
  const opts: Opts = { symbolic: false, force: false, noDeref: false, noTargetDir: false, verbose: false, targetDir: null };
  const operands: string[] = [];
  const long: Record<string, keyof Opts> = {
    "--symbolic": "symbolic", "--force": "force", "--no-dereference": "noDeref", "--no-target-directory": "noTargetDir", "--verbose": "verbose",
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "--") {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith("--")) {
      if (a.startsWith("--target-directory=")) opts.targetDir = a.slice("--target-directory=".length);
      else if (a === "--target-directory") opts.targetDir = args[++i] ?? "";
      else {
        const key = long[a];
        if (!key) return { error: `ln: unrecognized option '${a}'\n${TRY}` };
        (opts[key] as boolean) = true;
      }
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j] as string;
        if (c === "s") opts.symbolic = true;
        else if (c === "f") opts.force = true;
        else if (c === "n") opts.noDeref = true;
        else if (c === "T") opts.noTargetDir = true;
        else if (c === "v") opts.verbose = true;
        else if (c === "t") {
          opts.targetDir = a.slice(j + 1) || (args[++i] ?? "");
          break;
        } else return { error: `ln: invalid option -- '${c}'\n${TRY}` };
      }
      continue;
    }
    operands.push(a);
  }
  return { opts, operands };
}

export const ln: HostCommand = {
  name: "ln",
  async run(args, ctx, rt) {
    const parsed = parse(args);
    if ("error" in parsed) return { stdout: "", stderr: parsed.error, exitCode: 1 };
    const { opts, operands } = parsed;
    const state = rt.host.state;
    const abs = (p: string): string => joinPath(ctx.cwd, p);
    /** Is `p` a directory to put links into? With -n a symlink to a directory is not. */
    const isDir = (p: string): boolean => {
      const found = fs.tryResolve(state, rt.cred, abs(p), !opts.noDeref);
      return found?.inode.kind === "dir";
    };
    let pairs: [string, string][];
    if (opts.targetDir !== null) {
      if (operands.length === 0) return { stdout: "", stderr: `ln: missing file operand\n${TRY}`, exitCode: 1 };
      if (!isDir(opts.targetDir)) {
        const found = fs.tryResolve(state, rt.cred, abs(opts.targetDir));
        return { stdout: "", stderr: `ln: target '${opts.targetDir}': ${found ? "Not a directory" : "No such file or directory"}\n`, exitCode: 1 };
      }
      pairs = operands.map((t) => [t, joinPath(opts.targetDir as string, basename(t))]);
    } else if (operands.length === 0) {
      return { stdout: "", stderr: `ln: missing file operand\n${TRY}`, exitCode: 1 };
    } else if (operands.length === 1) {
      pairs = [[operands[0] as string, basename(operands[0] as string)]];
    } else {
      const last = operands[operands.length - 1] as string;
      const targets = operands.slice(0, -1);
      if (!opts.noTargetDir && isDir(last)) {
        pairs = targets.map((t) => [t, last.endsWith("/") ? `${last}${basename(t)}` : `${last}/${basename(t)}`]);
      } else if (targets.length > 1) {
        if (opts.noTargetDir) return { stdout: "", stderr: `ln: extra operand '${operands[2] ?? ""}'\n${TRY}`, exitCode: 1 };
        const found = fs.tryResolve(state, rt.cred, abs(last));
        return { stdout: "", stderr: `ln: target '${last}': ${found ? "Not a directory" : "No such file or directory"}\n`, exitCode: 1 };
      } else pairs = [[targets[0] as string, last]];
    }
    let stdout = "";
    let stderr = "";
    for (const [target, name] of pairs) {
      const err = makeLink(rt, ctx.cwd, opts, target, name);
      if (err) stderr += err;
      else if (opts.verbose) stdout += opts.symbolic ? `'${name}' -> '${target}'\n` : `'${name}' => '${target}'\n`;
    }
    return { stdout, stderr, exitCode: stderr ? 1 : 0 };
  },
};

function makeLink(rt: Parameters<HostCommand["run"]>[2], cwd: string, opts: Opts, target: string, name: string): string | null {
  const state = rt.host.state;
  const dest = joinPath(cwd, name);
  const kind = opts.symbolic ? "symbolic link" : "hard link";
  const failed = (e: SysError): string =>
    opts.symbolic ? `ln: failed to create symbolic link '${name}': ${e.text}\n` : `ln: failed to create hard link '${name}' => '${target}': ${e.text}\n`;
  try {
    if (!opts.symbolic) {
      const src = fs.tryResolve(state, rt.cred, joinPath(cwd, target), false);
      if (!src) {
        try {
          fs.resolve(state, rt.cred, joinPath(cwd, target), false);
        } catch (e) {
          if (e instanceof SysError) return `ln: failed to access '${target}': ${e.text}\n`;
          throw e;
        }
      }
      if (src?.inode.kind === "dir") return `ln: ${target}: hard link not allowed for directory\n`;
    }
    // lstat: a dangling symlink at the destination still "exists" for ln.
    const existing = fs.tryResolve(state, rt.cred, dest, false);
    if (existing) {
      if (!opts.force) return `ln: failed to create ${kind} '${name}': File exists\n`;
      if (existing.inode.kind === "dir") return `ln: ${name}: cannot overwrite directory\n`;
      fs.unlink(state, rt.cred, dest);
    }
    if (opts.symbolic) fs.symlink(state, rt.cred, target, dest);
    else fs.link(state, rt.cred, joinPath(cwd, target), dest);
    return null;
  } catch (e) {
    if (e instanceof SysError) return failed(e);
    throw e;
  }
}

import { SysError } from "../../state/errors.ts";
import * as fs from "../../state/fs.ts";
import { joinPath } from "../../state/paths.ts";
import type { Runtime } from "../../shell/runtime.ts";
import type { HostCommand } from "../types.ts";

/**
 * GNU rm (coreutils 9.1). just-bash's rm stat()s each operand, following
 * symlinks, so a dangling link could not be removed ("No such file or
 * directory"); rm works on the link itself (lstat/unlink), as here.
 */

const TRY = "Try 'rm --help' for more information.\n";

interface Opts {
  force: boolean;
  recursive: boolean;
  dir: boolean;
  verbose: boolean;
  preserveRoot: boolean;
}

interface Out {
  stdout: string;
  stderr: string;
}

function parse(args: string[]): { opts: Opts; operands: string[] } | { error: string } {
  const opts: Opts = { force: false, recursive: false, dir: false, verbose: false, preserveRoot: true };
  const operands: string[] = [];
  const long: Record<string, (o: Opts) => void> = {
    "--force": (o) => (o.force = true), "--recursive": (o) => (o.recursive = true), "--dir": (o) => (o.dir = true),
    "--verbose": (o) => (o.verbose = true), "--no-preserve-root": (o) => (o.preserveRoot = false), "--preserve-root": (o) => (o.preserveRoot = true),
    "--one-file-system": () => undefined, "--interactive=never": (o) => (o.force = true),
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "--") {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith("--")) {
      const set = long[a];
      if (!set) return { error: `rm: unrecognized option '${a}'\n${TRY}` };
      set(opts);
    } else if (a.startsWith("-") && a.length > 1) {
      for (const c of a.slice(1)) {
        if (c === "f") opts.force = true;
        else if (c === "r" || c === "R") opts.recursive = true;
        else if (c === "d") opts.dir = true;
        else if (c === "v") opts.verbose = true;
        else if (c === "i" || c === "I") opts.force = false;
        else return { error: `rm: invalid option -- '${c}'\n${TRY}` };
      }
    } else operands.push(a);
  }
  return { opts, operands };
}

/** Remove `shown` (as the user typed it, for messages) at absolute `abs`; true when it is gone. */
function remove(rt: Runtime, opts: Opts, abs: string, shown: string, out: Out): boolean {
  const state = rt.host.state;
  const fail = (text: string): boolean => {
    out.stderr += `rm: cannot remove '${shown}': ${text}\n`;
    return false;
  };
  let found: fs.Resolved;
  try {
    found = fs.resolve(state, rt.cred, abs, false);
  } catch (e) {
    if (!(e instanceof SysError)) throw e;
    if (e.code === "ENOENT" && opts.force) return true;
    return fail(e.text);
  }
  try {
    if (found.inode.kind !== "dir") {
      fs.unlink(state, rt.cred, abs);
      if (opts.verbose) out.stdout += `removed '${shown}'\n`;
      return true;
    }
    if (!opts.recursive) {
      if (!opts.dir) return fail("Is a directory");
      fs.rmdir(state, rt.cred, abs);
      if (opts.verbose) out.stdout += `removed directory '${shown}'\n`;
      return true;
    }
    const dir = found.inode;
    if (dir.bulk?.length && !opts.verbose && fs.permits(dir, rt.cred, 3) && fs.permits(dir, rt.cred, 4)) {
      // A huge directory's counted entries all pass the same unlink(2) check: drop them in one step, not a million.
      fs.removeBulkWhere(dir, () => false);
      dir.mtimeMs = state.clock.nowMs;
    }
    let all = true;
    for (const entry of fs.readdir(state, rt.cred, abs)) {
      const childShown = shown.endsWith("/") ? `${shown}${entry.name}` : `${shown}/${entry.name}`;
      if (!remove(rt, opts, `${abs === "/" ? "" : abs}/${entry.name}`, childShown, out)) all = false;
    }
    // A directory whose entries could not all be removed is left alone without a second message.
    if (!all) return false;
    fs.rmdir(state, rt.cred, abs);
    if (opts.verbose) out.stdout += `removed directory '${shown}'\n`;
    return true;
  } catch (e) {
    if (!(e instanceof SysError)) throw e;
    return fail(e.text);
  }
}

export const rm: HostCommand = {
  name: "rm",
  async run(args, ctx, rt) {
    const parsed = parse(args);
    if ("error" in parsed) return { stdout: "", stderr: parsed.error, exitCode: 1 };
    const { opts, operands } = parsed;
    if (operands.length === 0) {
      return opts.force ? { stdout: "", stderr: "", exitCode: 0 } : { stdout: "", stderr: `rm: missing operand\n${TRY}`, exitCode: 1 };
    }
    const out: Out = { stdout: "", stderr: "" };
    let ok = true;
    for (const operand of operands) {
      const abs = joinPath(ctx.cwd, operand);
      const last = operand.replace(/\/+$/, "").split("/").pop();
      if (opts.recursive && (last === "." || last === "..")) {
        out.stderr += `rm: refusing to remove '.' or '..' directory: skipping '${operand}'\n`;
        ok = false;
        continue;
      }
      if (opts.recursive && opts.preserveRoot && abs === "/") {
        out.stderr += "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n";
        ok = false;
        continue;
      }
      if (!remove(rt, opts, abs, operand, out)) ok = false;
    }
    return { stdout: out.stdout, stderr: out.stderr, exitCode: ok ? 0 : 1 };
  },
};

import { SysError } from "../../state/errors.ts";
import * as fs from "../../state/fs.ts";
import { joinPath } from "../../state/paths.ts";
import { applyMode } from "../chmod/index.ts";
import type { HostCommand } from "../types.ts";

/**
 * GNU mkdir (coreutils 9.1) under the login's C.UTF-8 locale. Its errors
 * quote the name with quote(), which is ‘…’ in a UTF-8 locale, while -v
 * uses quoteaf() and prints '…': the real tool mixes both, so does this.
 * New directories get 0777 & ~umask (022), or exactly -m MODE.
 */

const TRY = "Try 'mkdir --help' for more information.\n";
const UMASK = 0o022;

export const mkdir: HostCommand = {
  name: "mkdir",
  async run(args, ctx, rt) {
    let parents = false;
    let verbose = false;
    let modeSpec: string | null = null;
    const operands: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (a === "--") {
        operands.push(...args.slice(i + 1));
        break;
      }
      if (a === "--parents") parents = true;
      else if (a === "--verbose") verbose = true;
      else if (a === "--mode") modeSpec = args[++i] ?? "";
      else if (a.startsWith("--mode=")) modeSpec = a.slice(7);
      else if (a.startsWith("--")) return { stdout: "", stderr: `mkdir: unrecognized option '${a}'\n${TRY}`, exitCode: 1 };
      else if (a.startsWith("-") && a.length > 1) {
        for (let j = 1; j < a.length; j++) {
          const c = a[j] as string;
          if (c === "p") parents = true;
          else if (c === "v") verbose = true;
          else if (c === "m") {
            modeSpec = a.slice(j + 1) || (args[++i] ?? "");
            break;
          } else return { stdout: "", stderr: `mkdir: invalid option -- '${c}'\n${TRY}`, exitCode: 1 };
        }
      } else operands.push(a);
    }
    if (operands.length === 0) return { stdout: "", stderr: `mkdir: missing operand\n${TRY}`, exitCode: 1 };
    let mode = 0o777 & ~UMASK;
    if (modeSpec !== null) {
      const m = applyMode(modeSpec, 0o777 & ~UMASK, true);
      if (m === null) return { stdout: "", stderr: `mkdir: invalid mode ‘${modeSpec}’\n`, exitCode: 1 };
      mode = m;
    }
    const state = rt.host.state;
    let stdout = "";
    let stderr = "";
    const make = (abs: string, shown: string, m: number): boolean => {
      try {
        fs.mkdir(state, rt.cred, abs, { mode: m });
        if (verbose) stdout += `mkdir: created directory '${shown}'\n`;
        return true;
      } catch (e) {
        if (!(e instanceof SysError)) throw e;
        stderr += `mkdir: cannot create directory ‘${shown}’: ${e.text}\n`;
        return false;
      }
    };
    for (const op of operands) {
      const abs = joinPath(ctx.cwd, op);
      if (!parents) {
        make(abs, op, mode);
        continue;
      }
      // -p: create each missing ancestor (0755 & ~umask, u+wx), then the directory itself with MODE.
      const parts = op.split("/");
      let shown = "";
      let ok = true;
      for (let k = 0; k < parts.length && ok; k++) {
        const part = parts[k] as string;
        shown = k === 0 ? part : `${shown}/${part}`;
        if (part === "" || part === ".") continue;
        const here = joinPath(ctx.cwd, shown);
        const existing = fs.tryResolve(state, rt.cred, here);
        if (existing) {
          if (existing.inode.kind !== "dir") {
            stderr += `mkdir: cannot create directory ‘${shown}’: Not a directory\n`;
            ok = false;
          }
          continue;
        }
        ok = make(here, shown, k === parts.length - 1 || parts.slice(k + 1).every((p) => p === "") ? mode : 0o777 & ~UMASK);
      }
    }
    return { stdout, stderr, exitCode: stderr ? 1 : 0 };
  },
};

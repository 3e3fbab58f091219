import { SysError } from "../../state/errors.ts";
import * as fs from "../../state/fs.ts";
import { joinPath } from "../../state/paths.ts";
import type { HostCommand } from "../types.ts";

/**
 * GNU rmdir (coreutils 9.1) over rmdir(2): the kernel checks write access to
 * the parent before emptiness, so `rmdir /etc` as admin is "Permission
 * denied", not "Directory not empty". -p removes the parents too.
 */

const TRY = "Try 'rmdir --help' for more information.\n";

export const rmdir: HostCommand = {
  name: "rmdir",
  async run(args, ctx, rt) {
    let parents = false;
    let verbose = false;
    let ignoreNonEmpty = false;
    const operands: string[] = [];
    for (const a of args) {
      if (a === "--parents") parents = true;
      else if (a === "--verbose") verbose = true;
      else if (a === "--ignore-fail-on-non-empty") ignoreNonEmpty = true;
      else if (a.startsWith("--")) return { stdout: "", stderr: `rmdir: unrecognized option '${a}'\n${TRY}`, exitCode: 1 };
      else if (a.startsWith("-") && a.length > 1) {
        for (const c of a.slice(1)) {
          if (c === "p") parents = true;
          else if (c === "v") verbose = true;
          else return { stdout: "", stderr: `rmdir: invalid option -- '${c}'\n${TRY}`, exitCode: 1 };
        }
      } else operands.push(a);
    }
    if (operands.length === 0) return { stdout: "", stderr: `rmdir: missing operand\n${TRY}`, exitCode: 1 };
    let stdout = "";
    let stderr = "";
    const remove = (shown: string): boolean => {
      if (verbose) stdout += `rmdir: removing directory, '${shown}'\n`;
      try {
        const abs = joinPath(ctx.cwd, shown);
        // The kernel looks the name up before it checks the parent's permissions: a missing one is ENOENT.
        fs.resolve(rt.host.state, rt.cred, abs, false);
        fs.rmdir(rt.host.state, rt.cred, abs);
        return true;
      } catch (e) {
        if (!(e instanceof SysError)) throw e;
        if (!(ignoreNonEmpty && e.code === "ENOTEMPTY")) stderr += `rmdir: failed to remove '${shown}': ${e.text}\n`;
        return false;
      }
    };
    for (const op of operands) {
      let path = op.replace(/\/+$/, "") || op;
      if (!remove(path) || !parents) continue;
      while (path.includes("/")) {
        path = path.slice(0, path.lastIndexOf("/"));
        if (path === "" || !remove(path)) break;
      }
    }
    return { stdout, stderr, exitCode: stderr ? 1 : 0 };
  },
};

import { SysError } from "../../state/errors.ts";
import * as fs from "../../state/fs.ts";
import { joinPath } from "../../state/paths.ts";
import { findMount, isMounted, unmount } from "../../state/mounts.ts";
import type { HostCommand } from "../types.ts";

/** umount (util-linux 2.38.1): EBUSY while a process has its cwd or a file there. */
export const umount: HostCommand = {
  name: "umount",
  async run(args, ctx, rt) {
    const state = rt.host.state;
    const operands: string[] = [];
    for (const a of args) {
      if (a === "-v" || a === "--verbose" || a === "-f" || a === "--force") continue;
      if (a === "-V" || a === "--version") return { stdout: "umount from util-linux 2.38.1 (libmount 2.38.1: selinux, smack, btrfs, verity, namespaces, assert, debug)\n", stderr: "", exitCode: 0 };
      if (a.startsWith("-")) return { stdout: "", stderr: `umount: invalid option -- '${a.replace(/^-+/, "").charAt(0)}'\nTry 'umount --help' for more information.\n`, exitCode: 1 };
      operands.push(a);
    }
    if (operands.length === 0) return { stdout: "", stderr: "umount: bad usage\nTry 'umount --help' for more information.\n", exitCode: 1 };
    let stderr = "";
    let exitCode = 0;
    for (const op of operands) {
      const abs = op.startsWith("/") || !op.includes("=") ? joinPath(ctx.cwd, op) : op;
      const m = findMount(state, abs);
      const say = (msg: string, code = 32): void => {
        stderr += `umount: ${abs}: ${msg}\n`;
        exitCode = code;
      };
      if (!m || !isMounted(m)) {
        if (!fs.tryResolve(state, rt.cred, abs)) say("no mount point specified.");
        else say("not mounted.");
        continue;
      }
      if (rt.cred.uid !== 0) {
        say("must be superuser to unmount.");
        continue;
      }
      try {
        unmount(state, m);
      } catch (e) {
        if (!(e instanceof SysError)) throw e;
        say(e.code === "EBUSY" ? "target is busy." : e.text);
      }
    }
    return { stdout: "", stderr, exitCode };
  },
};

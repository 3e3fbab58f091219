import { SysError } from "../../state/errors.ts";
import * as fs from "../../state/fs.ts";
import { joinPath } from "../../state/paths.ts";
import { parseDate } from "../date/strftime.ts";
import type { HostCommand } from "../types.ts";

/** coreutils touch on the simulated clock: create (unless -c) or set the mtime, -d DATE, -r REF. */
export const touch: HostCommand = {
  name: "touch",
  async run(args, ctx, rt) {
    const state = rt.host.state;
    let when = rt.host.now;
    let noCreate = false;
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (a === "-c" || a === "--no-create") noCreate = true;
      else if (a === "-d" || a === "--date") {
        const spec = args[++i] ?? "";
        const t = parseDate(spec, rt.host.now);
        if (t === null) return { stdout: "", stderr: `touch: invalid date format '${spec}'\n`, exitCode: 1 };
        when = t;
      } else if (a === "-r" || a === "--reference") {
        const ref = args[++i] ?? "";
        const found = fs.tryResolve(state, rt.cred, joinPath(ctx.cwd, ref));
        if (!found) return { stdout: "", stderr: `touch: failed to get attributes of '${ref}': No such file or directory\n`, exitCode: 1 };
        when = found.inode.mtimeMs;
      } else if (a === "-a" || a === "-m" || a === "-h") continue;
      else if (a.startsWith("-") && a !== "-") return { stdout: "", stderr: `touch: invalid option -- '${a.slice(1, 2)}'\nTry 'touch --help' for more information.\n`, exitCode: 1 };
      else files.push(a);
    }
    if (files.length === 0) return { stdout: "", stderr: "touch: missing file operand\nTry 'touch --help' for more information.\n", exitCode: 1 };
    let stderr = "";
    for (const f of files) {
      const abs = joinPath(ctx.cwd, f);
      try {
        const found = fs.tryResolve(state, rt.cred, abs);
        if (!found) {
          if (noCreate) continue;
          fs.createFile(state, rt.cred, abs, "", { mtimeMs: when });
        } else fs.utimes(state, rt.cred, abs, when);
      } catch (e) {
        if (!(e instanceof SysError)) throw e;
        stderr += `touch: cannot touch '${f}': ${e.text}\n`;
      }
    }
    return { stdout: "", stderr, exitCode: stderr ? 1 : 0 };
  },
};

import { latin1FromBytes } from "just-bash";
import { SysError } from "../../state/errors.ts";
import { joinPath } from "../../state/paths.ts";
import type { HostCommand } from "../types.ts";

/**
 * GNU tee (coreutils 9.1): copy stdin to stdout and to each FILE (-a
 * appends). A FILE that cannot be opened is reported with the kernel's
 * reason (read-only file system, permission denied, ...) and the others are
 * still written; just-bash's tee said "No such file or directory" for all.
 */

const TRY = "Try 'tee --help' for more information.\n";

export const tee: HostCommand = {
  name: "tee",
  async run(args, ctx) {
    let append = false;
    const files: string[] = [];
    for (const a of args) {
      if (a === "-a" || a === "--append") append = true;
      else if (a === "-i" || a === "--ignore-interrupts" || a === "-p") continue;
      else if (a.startsWith("--")) return { stdout: "", stderr: `tee: unrecognized option '${a}'\n${TRY}`, exitCode: 1 };
      else if (a.startsWith("-") && a !== "-") {
        const bad = [...a.slice(1)].find((c) => !"aip".includes(c));
        if (bad !== undefined) return { stdout: "", stderr: `tee: invalid option -- '${bad}'\n${TRY}`, exitCode: 1 };
        if (a.includes("a")) append = true;
      } else files.push(a);
    }
    const data = latin1FromBytes(ctx.stdin);
    let stderr = "";
    for (const f of files) {
      try {
        // Through the shell's filesystem, so /proc files (oom_score_adj) behave as for a redirect.
        const path = joinPath(ctx.cwd, f);
        const bytes = new Uint8Array(Buffer.from(data, "latin1"));
        if (append) await ctx.fs.appendFile(path, bytes);
        else await ctx.fs.writeFile(path, bytes);
      } catch (e) {
        if (!(e instanceof SysError)) throw e;
        stderr += `tee: ${f}: ${e.text}\n`;
      }
    }
    return { stdout: data, stderr, exitCode: stderr ? 1 : 0, stdoutKind: "bytes" };
  },
};

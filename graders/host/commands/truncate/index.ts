import { SysError } from "../../state/errors.ts";
import { joinPath } from "../../state/paths.ts";
import { fileSize } from "../../state/usage.ts";
import * as fs from "../../state/fs.ts";
import { procFdInode } from "../../shell/procfs.ts";
import { fail, type HostCommand } from "../types.ts";

/** coreutils truncate -s [+-]SIZE[KMG] FILE...; /proc/PID/fd/N reaches the open (possibly deleted) file. */
export const truncate: HostCommand = {
  name: "truncate",
  async run(args, ctx, rt) {
    let spec: string | null = null;
    let noCreate = false;
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === "-s" || a === "--size") spec = args[++i] ?? "";
      else if (a.startsWith("--size=")) spec = a.slice(7);
      else if (/^-s.+/.test(a)) spec = a.slice(2);
      else if (a === "-c" || a === "--no-create") noCreate = true;
      else files.push(a);
    }
    if (spec === null) return fail("truncate: you must specify either '--size' or '--reference'\nTry 'truncate --help' for more information.\n");
    const m = /^([+-]?)([0-9]+)([KMGT]?)(B|iB)?$/.exec(spec);
    if (!m) return fail(`truncate: Invalid number: '${spec}'\n`);
    if (files.length === 0) return fail("truncate: missing file operand\nTry 'truncate --help' for more information.\n");
    const mult = { "": 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 }[m[3] as "" | "K"] * (m[4] === "B" ? 1000 / 1024 : 1);
    const amount = Number(m[2]) * mult;
    let stderr = "";
    for (const f of files) {
      const abs = joinPath(ctx.cwd, f);
      try {
        const viaProc = abs.startsWith("/proc/") ? procFdInode(rt, abs) : null;
        const inode = viaProc ?? fs.tryResolve(rt.host.state, rt.cred, abs)?.inode;
        if (!inode) {
          if (noCreate) continue;
          fs.createFile(rt.host.state, rt.cred, abs, "");
          continue;
        }
        if (inode.kind !== "file") throw new SysError(inode.kind === "dir" ? "EISDIR" : "EINVAL", abs);
        if (!viaProc && !fs.permits(inode, rt.cred, 2)) throw new SysError("EACCES", abs);
        const cur = fileSize(inode);
        const size = m[1] === "+" ? cur + amount : m[1] === "-" ? Math.max(0, cur - amount) : amount;
        fs.truncateInode(rt.host.state, rt.cred, inode, size, abs);
      } catch (e) {
        if (!(e instanceof SysError)) throw e;
        stderr += `truncate: cannot open '${f}' for writing: ${e.text}\n`;
      }
    }
    return { stdout: "", stderr, exitCode: stderr ? 1 : 0 };
  },
};

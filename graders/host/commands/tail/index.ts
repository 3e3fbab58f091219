import { SysError } from "../../state/errors.ts";
import type { HostCommand } from "../types.ts";
import * as fs from "../../state/fs.ts";
import { joinPath } from "../../state/paths.ts";
import type { Runtime } from "../../shell/runtime.ts";
import { startFollow } from "../../shell/follow/start.ts";
import type { TailFile } from "../../shell/follow/types.ts";
import { fileHeaders, parseCountOpts } from "../head/options.ts";
import { firstLinesEnd, lastLinesStart, MAX_OUTPUT, openSource } from "../head/source.ts";

/**
 * coreutils tail: last N lines or bytes, or from line/byte N with +N, read
 * backwards by range so the end of a 40 GB log costs a few kilobytes.
 * -f / -F print the tail, then keep following the files (shell/follow/tail.ts)
 * until Ctrl-C.
 */
export const tail: HostCommand = {
  name: "tail",
  async run(args, ctx, rt) {
    const o = parseCountOpts("tail", args);
    if (typeof o === "string") return { stdout: "", stderr: o, exitCode: 1 };
    const files = o.files.length ? o.files : ["-"];
    let stdout = "";
    let stderr = "";
    const header = fileHeaders(files, o);
    const followed: TailFile[] = [];
    for (const f of files) {
      try {
        const src = await openSource(rt, ctx, f);
        if (o.follow && f !== "-") followed.push(followedFile(rt, ctx.cwd, f, src.size));
        let start: number;
        if (o.mode === "bytes") start = o.sign === "+" ? Math.max(0, o.count - 1) : Math.max(0, src.size - o.count);
        else start = o.sign === "+" ? firstLinesEnd(src, Math.max(0, o.count - 1)) : lastLinesStart(src, o.count);
        if (src.size - start > MAX_OUTPUT) throw new SysError("EFBIG", f);
        stdout += header(f);
        stdout += src.read(start, src.size - start);
      } catch (e) {
        if (!(e instanceof SysError)) throw e;
        // The file opened fine and the read failed, so its header is already out.
        if (e.code === "EISDIR") stdout += header(f);
        stderr += e.code === "EISDIR" ? `tail: error reading '${f}': Is a directory\n` : `tail: cannot open '${f}' for reading: ${e.text}\n`;
        // -F keeps waiting for a file that cannot be opened yet.
        if (o.followName && e.code !== "EISDIR" && f !== "-") followed.push({ name: f, abs: joinPath(ctx.cwd, f), ino: null, offset: 0 });
      }
    }
    if (o.follow && files.every((f) => f !== "-")) {
      if (followed.length === 0) return { stdout, stderr: `${stderr}tail: no files remaining\n`, exitCode: 1, stdoutKind: "bytes" };
      const headers = (files.length > 1 && !o.quiet) || o.verbose;
      if (startFollow(rt, "tail", { kind: "tail", byName: o.followName, cred: { ...rt.cred, groups: [...rt.cred.groups] }, files: followed, headers, last: followed[followed.length - 1]?.name ?? null })) {
        return { stdout, stderr, exitCode: 0, stdoutKind: "bytes" };
      }
    }
    return { stdout, stderr, exitCode: stderr ? 1 : 0, stdoutKind: "bytes" };
  },
};

/** The file tail just printed, to be followed from where the printed tail ended. */
function followedFile(rt: Runtime, cwd: string, name: string, size: number): TailFile {
  const abs = joinPath(cwd, name);
  const found = fs.tryResolve(rt.host.state, rt.cred, abs);
  return { name, abs, ino: found ? found.inode.ino : null, offset: size };
}

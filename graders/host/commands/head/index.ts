import { SysError } from "../../state/errors.ts";
import type { HostCommand } from "../types.ts";
import { fileHeaders, parseCountOpts } from "./options.ts";
import { firstLinesEnd, lastLinesStart, MAX_OUTPUT, openSource } from "./source.ts";

/** coreutils head: first N lines or bytes (or all but the last N with -N), read by range. */
export const head: HostCommand = {
  name: "head",
  async run(args, ctx, rt) {
    const o = parseCountOpts("head", args);
    if (typeof o === "string") return { stdout: "", stderr: o, exitCode: 1 };
    const files = o.files.length ? o.files : ["-"];
    let stdout = "";
    let stderr = "";
    const header = fileHeaders(files, o);
    for (const f of files) {
      try {
        const src = await openSource(rt, ctx, f);
        let end: number;
        if (o.mode === "bytes") end = o.sign === "-" ? Math.max(0, src.size - o.count) : Math.min(src.size, o.count);
        else end = o.sign === "-" ? lastLinesStart(src, o.count) : firstLinesEnd(src, o.count);
        if (end > MAX_OUTPUT) throw new SysError("EFBIG", f);
        stdout += header(f);
        stdout += src.read(0, end);
      } catch (e) {
        if (!(e instanceof SysError)) throw e;
        // The file opened fine and the read failed, so its header is already out.
        if (e.code === "EISDIR") stdout += header(f);
        stderr += e.code === "EISDIR" ? `head: error reading '${f}': Is a directory\n` : `head: cannot open '${f}' for reading: ${e.text}\n`;
      }
    }
    return { stdout, stderr, exitCode: stderr ? 1 : 0, stdoutKind: "bytes" };
  },
};

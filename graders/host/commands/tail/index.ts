import { SysError } from "../../state/errors.ts";
import type { HostCommand } from "../types.ts";
import { parseCountOpts } from "../head/options.ts";
import { firstLinesEnd, lastLinesStart, MAX_OUTPUT, openSource } from "../head/source.ts";

/**
 * coreutils tail: last N lines or bytes, or from line/byte N with +N, read
 * backwards by range so the end of a 40 GB log costs a few kilobytes.
 * -f prints the current tail and returns: the simulated terminal has no
 * Ctrl-C yet to stop a follow.
 */
export const tail: HostCommand = {
  name: "tail",
  async run(args, ctx, rt) {
    const o = parseCountOpts("tail", args);
    if (typeof o === "string") return { stdout: "", stderr: o, exitCode: 1 };
    const files = o.files.length ? o.files : ["-"];
    let stdout = "";
    let stderr = "";
    let printedHeader = false;
    const header = (f: string): string => {
      if ((files.length <= 1 || o.quiet) && !o.verbose) return "";
      const text = `${printedHeader ? "\n" : ""}==> ${f === "-" ? "standard input" : f} <==\n`;
      printedHeader = true;
      return text;
    };
    for (const f of files) {
      try {
        const src = await openSource(rt, ctx, f);
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
      }
    }
    return { stdout, stderr, exitCode: stderr ? 1 : 0, stdoutKind: "bytes" };
  },
};

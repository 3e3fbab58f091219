import { latin1FromBytes } from "just-bash";
import { SysError } from "../../state/errors.ts";
import { joinPath } from "../../state/paths.ts";
import type { HostCommand } from "../types.ts";

/**
 * GNU cat over the host model (and /proc through the fs adapter): operands in
 * order, `-` or none for stdin, -n/-b numbering, -A/-E/-T/-v to make line
 * ends, tabs and control bytes visible (how CRLF files get spotted). Errors
 * per operand, in cat's wording, and the rest still printed.
 */

/** cat -v notation: ^X for control bytes, M- for the high half. */
function showNonprinting(text: string, tabs: boolean): string {
  let out = "";
  for (const ch of text) {
    let c = ch.charCodeAt(0);
    if (ch === "\n" || (ch === "\t" && !tabs)) {
      out += ch;
      continue;
    }
    let prefix = "";
    if (c >= 128) {
      prefix = "M-";
      c -= 128;
    }
    if (c < 32) out += `${prefix}^${String.fromCharCode(c + 64)}`;
    else if (c === 127) out += `${prefix}^?`;
    else out += prefix + String.fromCharCode(c);
  }
  return out;
}
export const cat: HostCommand = {
  name: "cat",
  async run(args, ctx) {
    let number = false;
    let nonblank = false;
    let ends = false;
    let tabs = false;
    let nonprinting = false;
    const operands: string[] = [];
    for (const a of args) {
      if (a === "--number") number = true;
      else if (a === "--show-all") nonprinting = ends = tabs = true;
      else if (/^-[AETvsenbtu]+$/.test(a)) {
        for (const f of a.slice(1)) {
          if (f === "n") number = true;
          else if (f === "b") nonblank = true;
          else if (f === "A") nonprinting = ends = tabs = true;
          else if (f === "e") nonprinting = ends = true;
          else if (f === "t") nonprinting = tabs = true;
          else if (f === "E") ends = true;
          else if (f === "T") tabs = true;
          else if (f === "v") nonprinting = true;
        }
      }
      else if (a.startsWith("-") && a !== "-") return { stdout: "", stderr: `cat: invalid option -- '${a.slice(1, 2)}'\nTry 'cat --help' for more information.\n`, exitCode: 1 };
      else operands.push(a);
    }
    let out = "";
    let stderr = "";
    for (const op of operands.length ? operands : ["-"]) {
      if (op === "-") {
        out += latin1FromBytes(ctx.stdin);
        continue;
      }
      const abs = joinPath(ctx.cwd, op);
      try {
        const st = await ctx.fs.stat(abs);
        if (st.isDirectory) throw new SysError("EISDIR", abs);
        out += Buffer.from(await ctx.fs.readFileBuffer(abs)).toString("latin1");
      } catch (e) {
        if (!(e instanceof SysError)) throw e;
        stderr += `cat: ${op}: ${e.text}\n`;
      }
    }
    if (number || nonblank || nonprinting || tabs || ends) {
      // Line by line, so that the number's own tab is not made visible by -T.
      const lines = out.split("\n");
      const last = lines.pop() as string;
      let n = 0;
      const shown = (line: string, eol: boolean): string => {
        let body = nonprinting ? showNonprinting(line, tabs) : tabs ? line.replace(/\t/g, "^I") : line;
        if (eol && ends) body += "$";
        const counted = nonblank ? line !== "" : number;
        return (counted ? `${String(++n).padStart(6)}\t` : "") + body + (eol ? "\n" : "");
      };
      out = lines.map((l) => shown(l, true)).join("") + (last !== "" ? shown(last, false) : "");
    }
    return { stdout: out, stderr, exitCode: stderr ? 1 : 0, stdoutKind: "bytes" };
  },
};

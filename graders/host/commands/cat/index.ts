import { latin1FromBytes } from "just-bash";
import { SysError } from "../../state/errors.ts";
import { joinPath } from "../../state/paths.ts";
import type { HostCommand } from "../types.ts";

/**
 * GNU cat over the host model (and /proc through the fs adapter): operands in
 * order, `-` or none for stdin, -n numbering. Errors per operand, in cat's
 * wording, and the rest still printed.
 */
export const cat: HostCommand = {
  name: "cat",
  async run(args, ctx) {
    let number = false;
    const operands: string[] = [];
    for (const a of args) {
      if (a === "-n" || a === "--number") number = true;
      else if (/^-[AETvse]+$/.test(a) || a === "-u") continue;
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
    if (number) {
      let n = 0;
      out = out.replace(/^(?=.)|^(?=\n)/gm, () => `${String(++n).padStart(6)}\t`);
    }
    return { stdout: out, stderr, exitCode: stderr ? 1 : 0, stdoutKind: "bytes" };
  },
};

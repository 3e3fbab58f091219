import { latin1FromBytes, type CommandContext, type ExecResult } from "just-bash";
import type { Runtime } from "../../shell/runtime.ts";
import { fastRm, fastRmFlags } from "./fast-rm.ts";

/**
 * `xargs [-0] [-r] [-n N] [-P N] rm [-f]`: the classic way to delete what
 * find printed. GNU xargs runs rm on as many names as fit in its 128 KiB
 * command buffer, batch after batch; the outcome is rm applied to every name,
 * which fast-rm.ts does in one pass. xargs exits 123 when an rm failed.
 * Anything else returns null and runs through just-bash's xargs.
 */

const ARG_OPTS = new Set(["-n", "-P", "-s", "--max-args", "--max-procs", "--max-chars"]);

export async function xargsFastPath(args: string[], ctx: Pick<CommandContext, "stdin" | "cwd">, rt: Runtime): Promise<ExecResult | null> {
  let nul = false;
  let noRunIfEmpty = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "-0" || a === "--null") nul = true;
    else if (a === "-r" || a === "--no-run-if-empty") noRunIfEmpty = true;
    else if (ARG_OPTS.has(a)) i++;
    else if (/^-[nPs]\d+$/.test(a) || /^--(max-args|max-procs|max-chars)=\d+$/.test(a)) continue;
    else if (/^-[0r]+$/.test(a)) {
      if (a.includes("0")) nul = true;
      if (a.includes("r")) noRunIfEmpty = true;
    } else if (a.startsWith("-")) return null;
    else break;
  }
  const flags = fastRmFlags(args.slice(i));
  if (!flags) return null;
  const input = latin1FromBytes(ctx.stdin ?? "");
  // Without -0 xargs honours quotes and backslashes; leave such input to the full implementation.
  if (!nul && /['"\\]/.test(input)) return null;
  const items = nul ? input.split("\0") : input.split(/[ \t\n]+/);
  if (items.length && items[items.length - 1] === "") items.pop();
  if (!nul && items.length && items[0] === "") items.shift();
  if (items.length === 0) {
    if (noRunIfEmpty) return { stdout: "", stderr: "", exitCode: 0 };
    return { stdout: "", stderr: "rm: missing operand\nTry 'rm --help' for more information.\n", exitCode: 123 };
  }
  const result = fastRm(rt, ctx.cwd, items, flags);
  if (!result) return null;
  return { ...result, exitCode: result.exitCode === 0 ? 0 : 123 };
}

import { shellQuote } from "../format.ts";
import type { HostCommand } from "../types.ts";

/**
 * Debian reaches some tools under a second name (dash is sh, mawk is awk).
 * The binaries exist in /usr/bin, so the names must run the same tool.
 */
function sameAs(name: string, target: string): HostCommand {
  return {
    name,
    async run(args, ctx) {
      if (!ctx.exec) throw new Error(`${name} needs the shell to run ${target}`);
      return ctx.exec([target, ...args].map(shellQuote).join(" "), { cwd: ctx.cwd });
    },
  };
}

export const dash = sameAs("dash", "sh");
export const mawk = sameAs("mawk", "awk");

import { shellQuote } from "../format.ts";
import type { HostCommand } from "../types.ts";

/**
 * Debian reaches some tools under a second name (dash is sh, mawk is awk),
 * and some behave as another when there is no terminal to drive.
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
/** Without a terminal to page on (pipes, the CLI), less and more print the file as cat does. */
export const less = sameAs("less", "cat");
export const more = sameAs("more", "cat");
export const mawk = sameAs("mawk", "awk");

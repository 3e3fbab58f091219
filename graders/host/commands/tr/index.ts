import type { HostCommand } from "../types.ts";

/**
 * GNU tr accepts `\0` for NUL (the usual `tr '\0' '\n' < /proc/PID/environ`);
 * just-bash's tr does not. Hand it the NUL byte itself, which it does handle.
 */
export const tr: HostCommand = {
  name: "tr",
  async run(args, ctx) {
    if (!ctx.origCommand) throw new Error("tr needs just-bash's tr underneath");
    return ctx.origCommand(args.map((a) => a.replace(/(^|[^\\])\\0(?![0-7])/g, (_m, before: string) => `${before}\0`)));
  },
};

import type { HostCommand } from "../types.ts";

/**
 * env and printenv print the exported environment only; just-bash's versions
 * also list plain shell variables, which a real child process never sees.
 * Running a command (`env VAR=x cmd`) is left to just-bash's env.
 */
export const env: HostCommand = {
  name: "env",
  async run(args, ctx) {
    if (args.length > 0 && ctx.origCommand) return ctx.origCommand(args);
    const vars = ctx.exportedEnv ?? {};
    return { stdout: Object.entries(vars).map(([k, v]) => `${k}=${v}\n`).join(""), stderr: "", exitCode: 0 };
  },
};

export const printenv: HostCommand = {
  name: "printenv",
  async run(args, ctx) {
    const vars = ctx.exportedEnv ?? {};
    const names = args.filter((a) => !a.startsWith("-"));
    if (names.length === 0) return { stdout: Object.entries(vars).map(([k, v]) => `${k}=${v}\n`).join(""), stderr: "", exitCode: 0 };
    const found = names.filter((n) => vars[n] !== undefined);
    return { stdout: found.map((n) => `${vars[n]}\n`).join(""), stderr: "", exitCode: found.length === names.length ? 0 : 1 };
  },
};

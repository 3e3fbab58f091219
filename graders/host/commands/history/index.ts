import { fail, ok, type HostCommand } from "../types.ts";

/** bash's history builtin over the session's own list: numbered "%5d  %s" lines, N for the last N, -c to clear. */
export const history: HostCommand = {
  name: "history",
  async run(args, _ctx, rt) {
    const list = rt.history ?? [];
    if (args[0] === "-c") {
      list.splice(0, list.length);
      return ok("");
    }
    let from = 0;
    if (args[0] !== undefined) {
      if (!/^\d+$/.test(args[0])) return fail(`-bash: history: ${args[0]}: numeric argument required\n`);
      from = Math.max(0, list.length - Number(args[0]));
    }
    return ok(list.slice(from).map((line, i) => `${String(from + i + 1).padStart(5)}  ${line}\n`).join(""));
  },
};

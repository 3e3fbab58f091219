import { fail, type HostCommand } from "../types.ts";

/**
 * renice from util-linux 2.38.1 for processes: `renice [-n] PRIO [-p] PID...`.
 * Only root may lower a nice value or touch another user's process. Nice
 * weighs CPU scheduling only: with mq-deadline it does not reorder disk
 * requests, which is what ionice is for.
 */
export const renice: HostCommand = {
  name: "renice",
  async run(args, _ctx, rt) {
    const rest = [...args];
    if (rest[0] === "-n" || rest[0] === "--priority") rest.shift();
    const prioText = rest.shift();
    if (prioText === undefined || !/^[+-]?\d+$/.test(prioText)) return fail(`renice: invalid priority '${prioText ?? ""}'\nTry 'renice --help' for more information.\n`);
    const prio = Math.max(-20, Math.min(19, Number(prioText)));
    let out = "";
    let err = "";
    for (const a of rest) {
      if (a === "-p" || a === "--pid") continue;
      if (a === "-g" || a === "-u" || a.startsWith("-")) return fail(`renice: invalid option -- '${a.replace(/^-+/, "").charAt(0)}'\nTry 'renice --help' for more information.\n`);
      const proc = /^\d+$/.test(a) ? rt.host.state.procs[a] : undefined;
      if (!proc || proc.state === "Z") {
        err += `renice: failed to get priority for ${a} (process ID): No such process\n`;
        continue;
      }
      if (rt.cred.uid !== 0 && (proc.uid !== rt.cred.uid || prio < proc.nice)) {
        err += `renice: failed to set priority for ${a} (process ID): Permission denied\n`;
        continue;
      }
      out += `${a} (process ID) old priority ${proc.nice}, new priority ${prio}\n`;
      proc.nice = prio;
    }
    return { stdout: out, stderr: err, exitCode: err ? 1 : 0 };
  },
};

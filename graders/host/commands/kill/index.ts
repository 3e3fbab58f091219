import { SysError } from "../../state/errors.ts";
import { signalNumber } from "../../state/procs.ts";
import { fail, type HostCommand } from "../types.ts";

/** procps-ng kill: `kill [-s SIG | -SIG] PID...`; errors worded as procps prints them. */
export const kill: HostCommand = {
  name: "kill",
  async run(args, _ctx, rt) {
    let sig = 15;
    const targets: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === "-s" || a === "--signal") {
        const n = signalNumber(args[++i] ?? "");
        if (n === null) return fail(`kill: unknown signal: ${args[i] ?? ""}\n`);
        sig = n;
      } else if (a === "-l") return { stdout: " 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 9) SIGKILL\t15) SIGTERM\t18) SIGCONT\t19) SIGSTOP\n", stderr: "", exitCode: 0 };
      else if (/^-[A-Za-z0-9]+$/.test(a) && targets.length === 0) {
        const n = signalNumber(a.slice(1));
        if (n === null) return fail(`kill: unknown signal: ${a.slice(1)}\n`);
        sig = n;
      } else targets.push(a);
    }
    if (targets.length === 0) return fail("\nUsage:\n kill [options] <pid> [...]\n");
    let stderr = "";
    for (const t of targets) {
      if (!/^-?[0-9]+$/.test(t)) {
        stderr += `kill: failed to parse argument: '${t}'\n`;
        continue;
      }
      try {
        rt.host.signal(Number(t), sig, rt.cred);
      } catch (e) {
        if (!(e instanceof SysError)) throw e;
        stderr += `kill: (${t}) - ${e.text}\n`;
      }
    }
    return { stdout: "", stderr, exitCode: stderr ? 1 : 0 };
  },
};

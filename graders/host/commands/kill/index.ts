import { SysError } from "../../state/errors.ts";
import { fail, ok, type HostCommand } from "../types.ts";
import { parseSignal, signalName, signalTable } from "./signals.ts";

/**
 * `kill` typed at the prompt is bash's builtin; under sudo it is procps-ng's
 * /usr/bin/kill. Both send signals through the host model (EPERM for other
 * users' processes, ESRCH for gone ones) but word their errors differently.
 */
export const kill: HostCommand = {
  name: "kill",
  async run(args, _ctx, rt) {
    const builtin = !rt.viaSudo;
    const prefix = builtin ? "-bash: kill: " : "kill: ";
    let sig = 15;
    const targets: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (targets.length === 0 && (a === "-l" || a === "-L" || a === "--list")) {
        const which = args[i + 1];
        if (which === undefined) return ok(signalTable());
        const n = parseSignal(which);
        if (n === null) return fail(`${prefix}${which}: invalid signal specification\n`);
        return ok(/^[0-9]+$/.test(which) ? `${signalName(n) ?? which}\n` : `${n}\n`);
      }
      if (targets.length === 0 && (a === "-s" || a === "-n" || a === "--signal")) {
        const spec = args[++i] ?? "";
        const n = parseSignal(spec);
        if (n === null) return fail(builtin ? `${prefix}${spec}: invalid signal specification\n` : `${prefix}unknown signal name: ${spec}\n`);
        sig = n;
      } else if (a === "--") continue;
      else if (targets.length === 0 && a.startsWith("-") && a.length > 1) {
        // Before the first pid, `-9`, `-KILL` and `-SIGKILL` all name the signal.
        const n = parseSignal(a.slice(1));
        if (n === null) return fail(builtin ? `${prefix}${a.slice(1)}: invalid signal specification\n` : `${prefix}unknown signal name: ${a.slice(1)}\n`);
        sig = n;
      } else targets.push(a);
    }
    if (targets.length === 0) {
      return builtin
        ? fail("kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n", 2)
        : fail("\nUsage:\n kill [options] <pid> [...]\n\nOptions:\n <pid> [...]            send signal to every <pid> listed\n -<signal>, -s, --signal <signal>\n                        specify the <signal> to be sent\n -l, --list=[<signal>]  list all signal names, or convert one to a name\n -L, --table            list all signal names in a nice table\n\n -h, --help     display this help and exit\n -V, --version  output version information and exit\n\nFor more details see kill(1).\n");
    }
    let stderr = "";
    for (const t of targets) {
      if (!/^-?[0-9]+$/.test(t)) {
        stderr += builtin ? `${prefix}${t}: arguments must be process or job IDs\n` : `${prefix}failed to parse argument: '${t}'\n`;
        continue;
      }
      try {
        rt.host.signal(Number(t), sig, rt.cred);
      } catch (e) {
        if (!(e instanceof SysError)) throw e;
        stderr += builtin ? `${prefix}(${t}) - ${e.text}\n` : `${prefix}(${t}): ${e.text}\n`;
      }
    }
    return { stdout: "", stderr, exitCode: stderr ? 1 : 0 };
  },
};

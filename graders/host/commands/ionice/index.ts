import type { Proc } from "../../state/types.ts";
import { shellQuote } from "../format.ts";
import { fail, ok, type HostCommand } from "../types.ts";

/**
 * ionice from util-linux 2.38.1: print a process's I/O scheduling class
 * (`ionice -p PID`), set it (`-c idle|best-effort|realtime|0-3`, `-n 0-7`),
 * or run a command with one. The kernel's rules: anyone may lower their own
 * processes' class, realtime and other users' processes need root. Which
 * class a process has decides how the disk serves it (state/io.ts).
 */

const USAGE = "Try 'ionice --help' for more information.\n";
const CLASSES: Record<string, Proc["ioClass"] | "none"> = {
  "0": "none", none: "none", "1": "realtime", realtime: "realtime", "2": "best-effort", "best-effort": "best-effort", "3": "idle", idle: "idle",
};

function describe(p: Proc): string {
  if (p.ioClass === "idle") return "idle";
  if (p.ioClass === undefined) return `none: prio ${p.ioPrio ?? 0}`;
  return `${p.ioClass}: prio ${p.ioPrio ?? 4}`;
}

export const ionice: HostCommand = {
  name: "ionice",
  async run(args, ctx, rt) {
    let cls: Proc["ioClass"] | "none" | undefined;
    let level: number | undefined;
    let ignore = false;
    const pids: string[] = [];
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i] as string;
      if (a === "-c" || a === "--class") {
        const v = args[++i] ?? "";
        if (/^\d+$/.test(v) && !CLASSES[v]) return fail(`ionice: unknown prio class ${v}\n`);
        cls = CLASSES[v];
        if (!cls) return fail(`ionice: unknown scheduling class: '${v}'\n`);
      } else if (/^-c\d$/.test(a)) {
        cls = CLASSES[a.slice(2)];
        if (!cls) return fail(`ionice: unknown prio class ${a.slice(2)}\n`);
      } else if (a === "-n" || a === "--classdata") level = Number(args[++i]);
      else if (/^-n\d+$/.test(a)) level = Number(a.slice(2));
      else if (a === "-t" || a === "--ignore") ignore = true;
      else if (a === "-p" || a === "--pid") {
        while (i + 1 < args.length && !(args[i + 1] as string).startsWith("-")) pids.push(args[++i] as string);
      } else if (a.startsWith("-")) return fail(`ionice: invalid option -- '${a.replace(/^-+/, "").charAt(0)}'\n${USAGE}`);
      else break;
    }
    const command = args.slice(i);
    for (const p of pids) if (!/^\d+$/.test(p)) return fail(`ionice: invalid PID argument: '${p}'\n`);
    const setting = cls !== undefined || level !== undefined;
    // -n alone means best effort at that level.
    if (cls === undefined && level !== undefined) cls = "best-effort";
    if (pids.length === 0 && command.length === 0) {
      if (setting) return fail(`ionice: bad usage\n${USAGE}`);
      const shell = rt.host.state.procs[rt.shellPid];
      return ok(`${shell ? describe(shell) : "none: prio 0"}\n`);
    }
    if (command.length) {
      if (!ctx.exec) throw new Error("ionice needs the shell to run a command");
      // The command runs and exits within this line; its I/O class has nothing left to act on.
      return ctx.exec(command.map(shellQuote).join(" "), { cwd: ctx.cwd });
    }
    let out = "";
    for (const pid of pids) {
      const proc = rt.host.state.procs[pid];
      if (!proc || proc.state === "Z") {
        if (ignore) continue;
        return { stdout: out, stderr: `ionice: ioprio_${setting ? "set" : "get"} failed: No such process\n`, exitCode: 1 };
      }
      if (!setting) {
        out += `${describe(proc)}\n`;
        continue;
      }
      if (level !== undefined && !(level >= 0 && level <= 7)) return { stdout: out, stderr: "ionice: ioprio_set failed: Invalid argument\n", exitCode: 1 };
      // Realtime needs CAP_SYS_ADMIN; another user's process needs CAP_SYS_NICE.
      if (rt.cred.uid !== 0 && (cls === "realtime" || proc.uid !== rt.cred.uid)) {
        if (ignore) continue;
        return { stdout: out, stderr: "ionice: ioprio_set failed: Operation not permitted\n", exitCode: 1 };
      }
      if (cls === "none") {
        delete proc.ioClass;
        proc.ioPrio = 0;
      } else {
        proc.ioClass = cls;
        if (cls === "idle") delete proc.ioPrio;
        else proc.ioPrio = level ?? 4;
      }
    }
    return ok(out);
  },
};

import { startFollow } from "../../shell/follow/start.ts";
import { enterScreen } from "../../shell/follow/top.ts";
import { watchFrame } from "../../shell/follow/watch.ts";
import type { WatchFollow } from "../../shell/follow/types.ts";
import { fail, type HostCommand } from "../types.ts";

/**
 * watch (procps-ng 4.0.2): run a command every -n seconds (2 by default)
 * full screen until Ctrl-C. It needs a terminal, as the real one does.
 * -t drops the header; -d, -b, -e, -c, -p are accepted and change nothing.
 */
export const watch: HostCommand = {
  name: "watch",
  async run(args, ctx, rt) {
    let intervalMs = 2000;
    let noTitle = false;
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i] as string;
      if (a === "-n" || a === "--interval") intervalMs = Number(args[++i]) * 1000;
      else if (a.startsWith("--interval=")) intervalMs = Number(a.slice(11)) * 1000;
      else if (/^-n[\d.]+$/.test(a)) intervalMs = Number(a.slice(2)) * 1000;
      else if (a === "-t" || a === "--no-title") noTitle = true;
      else if (["-d", "--differences", "-b", "--beep", "-e", "--errexit", "-c", "--color", "-p", "--precise", "-x", "--exec"].includes(a)) continue;
      else if (a === "--") {
        i++;
        break;
      } else if (a.startsWith("-")) return fail(`watch: invalid option -- '${a.slice(1, 2)}'\n\nUsage:\n watch [options] command\n`);
      else break;
    }
    const command = args.slice(i).join(" ");
    if (!command) return fail("\nUsage:\n watch [options] command\n\nOptions:\n  -b, --beep             beep if command has a non-zero exit\n  -c, --color            interpret ANSI color and style sequences\n  -d, --differences[=<permanent>]\n                         highlight changes between updates\n  -e, --errexit          exit if command has a non-zero exit\n  -g, --chgexit          exit when output from command changes\n  -n, --interval <secs>  seconds to wait between updates\n  -p, --precise          attempt run command in precise intervals\n  -t, --no-title         turn off header\n  -w, --no-wrap          turn off line wrapping\n  -x, --exec             pass command to exec instead of \"sh -c\"\n\n -h, --help     display this help and exit\n -v, --version  output version information and exit\n\nFor more details see watch(1).\n");
    if (!Number.isFinite(intervalMs)) return fail(`watch: failed to parse argument: '${String(args[i - 1])}'\n`);
    // procps clamps the interval to at least 0.1 s.
    intervalMs = Math.max(100, intervalMs);
    if (!rt.terminalColumns || !rt.followToTerminal) return fail("Error opening terminal: unknown.\n");
    if (!ctx.exec) throw new Error("watch needs a shell to run its command");
    const spec: WatchFollow = { kind: "watch", command, intervalMs, nextAtMs: rt.host.now + intervalMs, noTitle, cred: { ...rt.cred, groups: [...rt.cred.groups] }, user: rt.user };
    if (!startFollow(rt, "watch", spec)) return fail("Error opening terminal: unknown.\n");
    const r = await ctx.exec(command, { cwd: ctx.cwd });
    return { stdout: enterScreen() + watchFrame(spec, rt.host.state.hostname, rt.host.now, r.stdout + r.stderr, rt.terminalColumns, rt.terminalRows ?? 24), stderr: "", exitCode: 0 };
  },
};

import type { Proc } from "../../state/types.ts";
import type { Runtime } from "../../shell/runtime.ts";

/**
 * The processes of the pipeline ps itself runs in: ps (running) and its
 * neighbours (sleeping on their pipes), children of the login shell with
 * consecutive pids, each `sudo X` as sudo with X as its child.
 */

const SIZES: Record<string, [number, number]> = { ps: [11_164, 4_480], grep: [6_332, 2_176], sudo: [11_888, 5_632], awk: [5_836, 1_792], head: [5_496, 1_024], wc: [5_496, 1_024], sort: [5_640, 1_664], less: [8_012, 2_944] };

function proc(pid: number, ppid: number, uid: number, argv: string[], running: boolean, now: number): Proc {
  const name = (argv[0] ?? "").split("/").pop() ?? "";
  const [vsz, rss] = SIZES[name] ?? [6_500, 2_048];
  return {
    pid, ppid, uid, gid: uid, state: running ? "R" : "S", statFlags: "+", comm: name.slice(0, 15), argv, env: {}, cwd: "/",
    exe: `/usr/bin/${name}`, startMs: now, tty: "pts/0", cpuShare: 0, startCpuMs: 0, vszKb: vsz, rssKb: rss, rssGrowKbPerSec: 0,
    nice: 0, fds: {}, limits: { nofile: [1024, 1048576], nproc: [7609, 7609] },
  };
}

export function pipelineProcs(rt: Runtime, self: string, selfArgs: string[]): Proc[] {
  const state = rt.host.state;
  const shellUid = state.procs[rt.shellPid]?.uid ?? rt.cred.uid;
  const isSelf = (argv: string[]): boolean => argv[0] === self || (argv[0] === "sudo" && argv.includes(self));
  const pipeline = (rt.pipelines ?? []).find((p) => p.some(isSelf));
  if (!pipeline) return [proc(state.nextPid, rt.shellPid, rt.cred.uid, [self, ...selfArgs], true, rt.host.now)];
  const out: Proc[] = [];
  let pid = state.nextPid;
  for (const argv of pipeline) {
    const mine = isSelf(argv);
    if (argv[0] === "sudo" && argv.length > 1) {
      const sudo = proc(pid++, rt.shellPid, 0, argv, false, rt.host.now);
      out.push(sudo);
      const inner = argv.slice(argv.findIndex((a, i) => i > 0 && !a.startsWith("-")));
      out.push(proc(pid++, sudo.pid, 0, mine ? [self, ...selfArgs] : inner, mine, rt.host.now));
      continue;
    }
    out.push(proc(pid++, rt.shellPid, shellUid, mine ? [self, ...selfArgs] : argv, mine, rt.host.now));
  }
  return out;
}

import { exitProc, spawn } from "../../state/procs.ts";
import { runNginx } from "../../programs/nginx/cli.ts";
import type { HostCommand } from "../types.ts";

/**
 * /usr/sbin/nginx typed at the shell: -t/-T/-v/-h/-s SIGNAL, or a bare
 * `nginx` that starts the daemon outside systemd (as on a real host, where
 * nginx.service then fails to bind). It is in /usr/sbin, so admin reaches it
 * with sudo, and run as admin it fails the way nginx does without root.
 */
export const nginx: HostCommand = {
  name: "nginx",
  async run(args, _ctx, rt) {
    // The process nginx runs as: its pid is the one error.log lines carry ("[emerg] 4242#4242: ...").
    const self = spawn(rt.host.state, {
      ppid: rt.shellPid, uid: rt.cred.uid, gid: rt.cred.gid, comm: "nginx", argv: ["nginx", ...args], exe: "/usr/sbin/nginx", env: {},
      cwd: "/", tty: null, cpuShare: 0, vszKb: 10_000, rssKb: 1_000, rssGrowKbPerSec: 0, nice: 0,
      limits: { nofile: [1024, 1048576], nproc: [7609, 7609] },
    });
    try {
      const res = runNginx(rt.host, rt.cred, ["nginx", ...args], self.pid);
      return { stdout: res.stdout, stderr: res.stderr, exitCode: res.code };
    } finally {
      if (rt.host.state.procs[self.pid]) exitProc(rt.host.state, self);
    }
  },
};

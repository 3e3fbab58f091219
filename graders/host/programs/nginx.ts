import * as fs from "../state/fs.ts";
import type { Host } from "../state/host.ts";
import type { Proc, Unit } from "../state/types.ts";
import type { Program } from "./types.ts";
import { runNginx } from "./nginx/cli.ts";
import { loadedConf, masterOf, reloadDaemon, shutdownDaemon, spawnWorker, superviseWorkers } from "./nginx/daemon.ts";
import { errorPage, serveRequest } from "./nginx/serve.ts";

/**
 * nginx as a running program: the master (root) re-reads its configuration
 * on HUP and stops on TERM/INT/QUIT; workers (www-data) answer HTTP with the
 * configuration the master loaded. systemd's control commands for
 * nginx.service (nginx -t, nginx, nginx -s reload, start-stop-daemon --stop)
 * run through `control`, their stderr going to the journal as nginx[PID].
 */

const SHUTDOWN = new Set([2, 3, 15]);

function readPid(host: Host, path: string): number | null {
  const found = fs.tryResolve(host.state, fs.ROOT, path);
  if (!found || found.inode.kind !== "file") return null;
  const n = Number(fs.readFileRange(found.inode, 0, 64).trim());
  return Number.isInteger(n) && n > 0 ? n : null;
}

function control(host: Host, unit: Unit, argv: string[], ctl: Proc): number {
  const exe = argv[0] ?? "";
  if (exe.endsWith("start-stop-daemon")) {
    // --stop --retry QUIT/5 --pidfile /run/nginx.pid: a graceful quit of the master.
    const i = argv.indexOf("--pidfile");
    const pid = readPid(host, argv[i + 1] ?? "/run/nginx.pid");
    const master = pid !== null ? host.state.procs[pid] : undefined;
    if (master) host.signal(master.pid, 3, fs.ROOT);
    return 0;
  }
  const res = runNginx(host, fs.ROOT, argv, ctl.pid, unit.name);
  for (const line of res.stderr.split("\n").filter(Boolean)) {
    host.log({ ident: "nginx", pid: ctl.pid, unit: unit.name, priority: 6, message: line });
  }
  return res.code;
}

export const nginx: Program = {
  tick(host, proc) {
    if (proc.params?.role === "master") superviseWorkers(host, proc);
  },

  onSignal(host, proc, sig) {
    if (proc.params?.role === "master") {
      if (sig === 1) {
        reloadDaemon(host, proc);
        return true;
      }
      if (SHUTDOWN.has(sig)) {
        // nginx handles these: workers finish, the pid file goes, and the master exits 0.
        shutdownDaemon(host, proc);
        host.terminate(proc, 0, 0);
        return true;
      }
      // USR1 reopens the logs, USR2/WINCH belong to binary upgrades: the master carries on.
      return true;
    }
    if (SHUTDOWN.has(sig)) {
      // A worker that exits normally is replaced by the master without an alert.
      const master = masterOf(host, proc);
      if (master) {
        const next = spawnWorker(host, master, loadedConf(master));
        const list = String(master.params?.workers ?? "").split(",").filter((p) => p !== "" && Number(p) !== proc.pid);
        master.params = { ...master.params, workers: [...list, String(next.pid)].join(",") };
      }
      return false;
    }
    return true;
  },

  http(host, proc, req) {
    const master = masterOf(host, proc);
    const res = master ? serveRequest(host, master, proc, loadedConf(master), req) : null;
    if (res) return res;
    const body = errorPage(400);
    return { status: 400, reason: "Bad Request", headers: [["Server", "nginx/1.22.1"], ["Content-Type", "text/html"], ["Content-Length", String(body.length)], ["Connection", "close"]], body };
  },

  tls(host, proc, port, serverName) {
    const master = masterOf(host, proc);
    if (!master) return null;
    const servers = loadedConf(master).servers.filter((s) => s.listens.some((l) => l.port === port && l.ssl));
    if (servers.length === 0) return null;
    // SNI picks the server by name; without a match the port's default server answers.
    const srv = servers.find((s) => serverName !== null && s.names.includes(serverName))
      ?? servers.find((s) => s.listens.some((l) => l.port === port && l.def)) ?? servers[0];
    return srv?.tlsChain ?? null;
  },

  control,
};

import * as fs from "../state/fs.ts";
import type { Host } from "../state/host.ts";
import { hash32 } from "../state/rng.ts";
import { spawn } from "../state/procs.ts";
import type { Proc } from "../state/types.ts";
import type { HttpResponse, Program } from "./types.ts";

/**
 * /opt/thumbd/bin/thumbd: an image thumbnailer daemon. It takes a job every
 * params.everyMs and forks `convert` for it; the child runs about a second.
 * It normally reaps its children on SIGCHLD, but its SIGHUP handler (log
 * reopening, called by logrotate every morning) reinstalls the signal
 * handlers and drops the SIGCHLD one: from then on every finished convert
 * stays a zombie (the process's noReap flag). Zombies count against the
 * user's RLIMIT_NPROC (LimitNPROC= in the unit), so once they fill it every
 * fork fails with EAGAIN and /health turns 503. Only a new process (restart)
 * reaps again: reparented to init, the zombies vanish with the old one.
 */

const CHILD_RUN_MS = 1_200;

function log(host: Host, proc: Proc, priority: number, message: string): void {
  host.log({ ident: "thumbd", pid: proc.pid, unit: proc.unit ?? null, priority, message });
}

/** LimitNPROC= from the unit's files on disk, applied when the process starts (systemd sets it before exec). */
function unitNproc(host: Host, proc: Proc): number | null {
  const unit = proc.unit ? host.state.units[proc.unit] : undefined;
  if (!unit) return null;
  let limit: number | null = null;
  for (const path of [unit.fragmentPath, ...unit.dropIns]) {
    const found = fs.tryResolve(host.state, fs.ROOT, path);
    if (!found || found.inode.kind !== "file") continue;
    for (const m of fs.readFileRange(found.inode, 0, 100_000).matchAll(/^LimitNPROC=(\d+|infinity)\s*$/gm)) {
      limit = m[1] === "infinity" ? Infinity : Number(m[1]);
    }
  }
  return limit;
}

/** Processes (zombies included) the kernel counts for this uid against RLIMIT_NPROC. */
export function userTasks(host: Host, uid: number): number {
  return Object.values(host.state.procs).filter((p) => p.uid === uid).length;
}

function saturated(host: Host, proc: Proc): boolean {
  return userTasks(host, proc.uid) >= proc.limits.nproc[0];
}

function json(status: number, reason: string, body: unknown): HttpResponse {
  const text = JSON.stringify(body) + "\n";
  return { status, reason, headers: [["Content-Type", "application/json"], ["Content-Length", String(text.length)]], body: text };
}

function jobId(proc: Proc, n: number): string {
  return hash32(proc.pid, n).toString(16).padStart(8, "0");
}

/** One job: fork convert, or fail the way Go's os/exec words EAGAIN. */
function takeJob(host: Host, proc: Proc, atMs: number): void {
  const params = proc.params ?? {};
  const n = Number(params.jobs ?? 0) + 1;
  proc.params = { ...params, jobs: n, nextJobMs: atMs + Number(params.everyMs ?? 60_000) };
  const id = jobId(proc, n);
  if (saturated(host, proc)) {
    log(host, proc, 3, `job ${id}: fork/exec /usr/bin/convert: resource temporarily unavailable`);
    proc.params = { ...proc.params, failing: 1 };
    return;
  }
  spawn(host.state, {
    ppid: proc.pid, uid: proc.uid, gid: proc.gid, comm: "convert", exe: "/usr/bin/convert-im6.q16",
    argv: ["convert", `/var/spool/thumbd/in/${id}.jpg`, "-auto-orient", "-thumbnail", "320x320>", `/var/spool/thumbd/out/${id}.jpg`],
    env: proc.env, cwd: "/var/spool/thumbd", tty: null, cpuShare: 0.6, vszKb: 112_604, rssKb: 38_400, rssGrowKbPerSec: 0, nice: 0,
    limits: proc.limits, unit: proc.unit, program: "thumb-convert", params: { endMs: atMs + CHILD_RUN_MS },
  });
  proc.params = { ...proc.params, failing: 0 };
}

export const thumbd: Program = {
  start(host, proc) {
    const limit = unitNproc(host, proc);
    if (limit !== null) proc.limits = { ...proc.limits, nproc: [limit, limit] };
    const port = Number(proc.params?.port);
    proc.fds["3"] = { kind: "socket", proto: "TCP", localPort: port, state: "LISTEN", inode: 20_000 + proc.pid };
    proc.noReap = false;
    proc.params = { ...proc.params, nextJobMs: host.now + Number(proc.params?.everyMs ?? 60_000) / 2 };
    log(host, proc, 6, `thumbd ${String(proc.params?.version ?? "2.4.1")} listening on :${port}, spool /var/spool/thumbd`);
  },

  tick(host, proc, _fromMs, toMs) {
    const next = Number(proc.params?.nextJobMs ?? Infinity);
    if (toMs >= next) takeJob(host, proc, next);
  },

  onSignal(host, proc, sig) {
    if (sig === 1) {
      log(host, proc, 6, "SIGHUP: reopening /var/log/thumbd/thumbd.log");
      // The bug: re-registering handlers after HUP leaves SIGCHLD at its default, so nothing calls wait() any more.
      proc.noReap = true;
      return true;
    }
    // SIGCHLD to a parent that does not wait() changes nothing.
    return sig === 17;
  },

  // ExecReload=/bin/kill -HUP $MAINPID, as logrotate's postrotate runs it every morning.
  control(host, unit, argv) {
    const main = unit.mainPid === null ? undefined : host.state.procs[unit.mainPid];
    if (argv[0] === "/bin/kill" && argv.includes("-HUP") && main) host.signal(main.pid, 1, fs.ROOT);
    return 0;
  },

  http(host, proc, req) {
    if (req.path === "/health") {
      if (saturated(host, proc)) return json(503, "Service Unavailable", { status: "degraded", error: "cannot start workers: fork/exec /usr/bin/convert: resource temporarily unavailable" });
      return json(200, "OK", { status: "ok" });
    }
    return json(404, "Not Found", { error: "not found" });
  },
};

/** A convert run: about a second of CPU, then it exits (and becomes a zombie if nobody waits for it). */
export const thumbConvert: Program = {
  tick(host, proc, _fromMs, toMs) {
    if (toMs >= Number(proc.params?.endMs ?? 0)) host.terminate(proc, 0, 0);
  },
};

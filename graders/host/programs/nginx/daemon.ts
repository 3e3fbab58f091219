import * as fs from "../../state/fs.ts";
import { CPU_COUNT } from "../../state/cpu.ts";
import { exitProc, spawn } from "../../state/procs.ts";
import { randInt } from "../../state/rng.ts";
import { userByName } from "../../state/users.ts";
import type { Cred } from "../../state/fs.ts";
import type { Host } from "../../state/host.ts";
import type { FdTarget, Proc } from "../../state/types.ts";
import { ConfError } from "./conf-parse.ts";
import { listenSockets, loadConf, NGINX_CONF, type LoadResult, type NgxConf, type NgxListen } from "./conf-load.ts";
import { appendTo, hostConfFs } from "./host-fs.ts";
import { errorLogLine } from "./logs.ts";

/**
 * The nginx binary's behaviours: check the configuration, start the daemon
 * (master as root, workers as the `user` directive says, sharing the
 * listening sockets), re-read the configuration on SIGHUP and keep the old
 * one when the new one is broken, shut down on TERM/QUIT. The master keeps
 * the configuration it loaded in its params, so the running server is what
 * was loaded, not what is on disk now.
 */

export const NGINX_BIN = "/usr/sbin/nginx";
export const DEFAULT_ERROR_LOG = "/var/log/nginx/error.log";
export const NGINX_PROGRAM = "nginx";
/** NGX_LISTEN_BACKLOG on Linux: what ss shows as Send-Q of nginx's listening sockets. */
const NGX_LISTEN_BACKLOG = 511;

/**
 * Where one run of the binary writes. Debian builds nginx with
 * --error-log-path=stderr: until the configuration's error_log is opened,
 * every message goes to stderr in the error log's own format
 * ("2026/11/24 10:05:00 [emerg] 1234#1234: ..."), and nothing reaches
 * error.log. Once it is open (root, after parsing), messages go to the file
 * and, while nginx still has a terminal, to stderr as "nginx: [emerg] ...".
 */
export interface Console {
  lines: string[];
  logOpen: boolean;
  pid: number;
}

export function newConsole(_host: Host, _cred: Cred, pid: number): Console {
  return { lines: [], logOpen: false, pid };
}

/** ngx_log_error with the log as it stands (see Console). */
export function report(host: Host, con: Console, level: string, message: string, toStderr = true): void {
  if (con.logOpen) {
    appendTo(host.state, DEFAULT_ERROR_LOG, errorLogLine(host.now, level, con.pid, message));
    if (toStderr) con.lines.push(`nginx: [${level}] ${message}`);
  } else {
    con.lines.push(errorLogLine(host.now, level, con.pid, message).trimEnd());
  }
}

/** Parse and check the whole configuration as `cred` reads it; null after reporting the error. */
export function loadChecked(host: Host, cred: Cred, con: Console, toStderr = true, path = NGINX_CONF): LoadResult | null {
  try {
    const result = loadConf(hostConfFs(host.state, cred), path);
    const user = result.tree.find((d) => d.name === "user");
    if (cred.uid !== 0 && user) {
      report(host, con, "warn", `the "user" directive makes sense only if the master process runs with super-user privileges, ignored in ${user.file}:${user.line}`);
    } else if (user && !userByName(host.state, user.args[0] ?? "")) {
      report(host, con, "emerg", `getpwnam("${user.args[0] ?? ""}") failed in ${user.file}:${user.line}`, toStderr);
      return null;
    }
    return result;
  } catch (e) {
    if (!(e instanceof ConfError)) throw e;
    report(host, con, "emerg", e.message, toStderr);
    return null;
  }
}

export function listenText(l: { addr: string; port: number; v6: boolean }): string {
  return l.v6 ? `[${l.addr}]:${l.port}` : `${l.addr}:${l.port}`;
}

function isV6(addr: string): boolean {
  return addr.includes(":");
}

/** Another live socket already bound where `l` would bind (IPv6 sockets are ipv6only, as nginx makes them). */
export function addressInUse(host: Host, l: NgxListen, ignorePid?: number): boolean {
  for (const proc of Object.values(host.state.procs)) {
    if (proc.state === "Z" || proc.pid === ignorePid) continue;
    for (const fd of Object.values(proc.fds)) {
      if (fd.kind !== "socket" || fd.proto !== "TCP" || fd.state !== "LISTEN" || fd.localPort !== l.port) continue;
      const addr = (fd.localAddr ?? String(proc.params?.bindAddress ?? "0.0.0.0")).replace(/^\[|\]$/g, "");
      if (isV6(addr) !== l.v6) continue;
      const wild = l.v6 ? "::" : "0.0.0.0";
      if (addr === wild || l.addr === wild || addr === l.addr) return true;
    }
  }
  return false;
}

export function masterOf(host: Host, proc: Proc): Proc | undefined {
  if (proc.params?.role === "master") return proc;
  const parent = host.state.procs[proc.ppid];
  return parent?.params?.role === "master" ? parent : undefined;
}

export function loadedConf(master: Proc): NgxConf {
  return JSON.parse(String(master.params?.conf ?? "{}")) as NgxConf;
}

function listenFds(host: Host, conf: NgxConf, master: Proc): Record<string, FdTarget> {
  const fds: Record<string, FdTarget> = {};
  const inodes = String(master.params?.sockInodes ?? "").split(",").filter(Boolean).map(Number);
  listenSockets(conf).forEach((l, i) => {
    const inode = inodes[i] ?? 60_000 + master.pid * 8 + i;
    fds[String(6 + i)] = { kind: "socket", proto: "TCP", state: "LISTEN", localPort: l.port, localAddr: l.v6 ? `[${l.addr}]` : l.addr, inode };
  });
  void host;
  return fds;
}

function logFd(host: Host, path: string): FdTarget | null {
  const found = fs.tryResolve(host.state, fs.ROOT, path);
  if (!found || found.inode.kind !== "file") return null;
  return { kind: "file", ino: found.inode.ino, path, mode: "a", offset: 0 };
}

/** fds every nginx process holds: stdio, the error log on 2 and 4, the access log on 5, then the listeners. */
function processFds(host: Host, conf: NgxConf, master: Proc): Record<string, FdTarget> {
  const fds: Record<string, FdTarget> = { "0": { kind: "chr", path: "/dev/null", mode: "rw" }, "1": { kind: "chr", path: "/dev/null", mode: "rw" } };
  const err = logFd(host, conf.errorLog);
  if (err) {
    fds["2"] = err;
    fds["4"] = { ...err };
  }
  const access = conf.servers.flatMap((s) => [s.fallback.accessLog, ...s.locations.map((l) => l.accessLog)]).find((p): p is string => p !== null);
  const acc = access ? logFd(host, access) : null;
  if (acc) fds["5"] = acc;
  return { ...fds, ...listenFds(host, conf, master) };
}

function workerCount(conf: NgxConf): number {
  if (conf.workers === "auto") return CPU_COUNT;
  const n = Number(conf.workers);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 64) : 1;
}

export function spawnWorker(host: Host, master: Proc, conf: NgxConf): Proc {
  const user = userByName(host.state, conf.user) ?? userByName(host.state, "nobody");
  const worker = spawn(host.state, {
    ppid: master.pid, uid: user?.uid ?? 65534, gid: user?.gid ?? 65534, comm: "nginx", argv: ["nginx: worker process"], exe: NGINX_BIN,
    env: {}, cwd: "/", tty: null, cpuShare: 0.0002, vszKb: 11_036 + randInt(host.state, 0, 400), rssKb: 3_600 + randInt(host.state, 0, 400),
    rssGrowKbPerSec: 0, nice: 0, limits: master.limits, program: NGINX_PROGRAM, params: { role: "worker", backlog: NGX_LISTEN_BACKLOG },
    ...(master.unit ? { unit: master.unit } : {}),
    fds: processFds(host, conf, master),
  });
  return worker;
}

function workersOf(host: Host, master: Proc): Proc[] {
  return Object.values(host.state.procs).filter((p) => p.ppid === master.pid && p.params?.role === "worker" && p.state !== "Z");
}

function startWorkers(host: Host, master: Proc, conf: NgxConf): void {
  for (let i = 0; i < workerCount(conf); i++) spawnWorker(host, master, conf);
  master.params = { ...master.params, workers: workersOf(host, master).map((w) => w.pid).join(",") };
}

export interface StartOptions {
  cred: Cred;
  /** The command line the master's title repeats: "nginx: master process /usr/sbin/nginx -g daemon on; master_process on;". */
  argv: string[];
  unit?: string;
}

/** `nginx` without -t/-s: check, bind (5 tries), daemonize. Returns the exit status; stderr lines land in con. */
export function startDaemon(host: Host, con: Console, opts: StartOptions): number {
  const loaded = loadChecked(host, opts.cred, con);
  if (!loaded) return 1;
  if (opts.cred.uid !== 0) {
    report(host, con, "emerg", `open() "${loaded.conf.errorLog}" failed (13: Permission denied)`);
    return 1;
  }
  // The new cycle's error log is open from here on.
  con.logOpen = true;
  const socks = listenSockets(loaded.conf);
  // ngx_open_listening_sockets: five attempts half a second apart, reporting every socket that fails.
  let failing = socks.filter((l) => addressInUse(host, l));
  if (failing.length) {
    for (let attempt = 0; attempt < 5; attempt++) {
      for (const l of failing) report(host, con, "emerg", `bind() to ${listenText(l)} failed (98: Address already in use)`);
      failing = failing.filter((l) => addressInUse(host, l));
    }
    report(host, con, "emerg", "still could not bind()");
    return 1;
  }
  const root = fs.ROOT;
  const master = spawn(host.state, {
    ppid: 1, uid: 0, gid: 0, comm: "nginx", argv: [`nginx: master process ${opts.argv.join(" ")}`], exe: NGINX_BIN, env: {}, cwd: "/", tty: null,
    cpuShare: 0.000001, vszKb: 10_364 + randInt(host.state, 0, 200), rssKb: 1_500 + randInt(host.state, 0, 200), rssGrowKbPerSec: 0, nice: 0,
    // Parsing the configuration and forking the workers costs the master some milliseconds of CPU.
    startCpuMs: randInt(host.state, 14, 40),
    limits: { nofile: [1024, 524288], nproc: [7609, 7609] }, program: NGINX_PROGRAM, statFlags: "s",
    ...(opts.unit ? { unit: opts.unit } : {}),
    params: { role: "master", conf: JSON.stringify(loaded.conf), conn: 0, backlog: NGX_LISTEN_BACKLOG },
  });
  master.params = { ...master.params, sockInodes: socks.map((_, i) => 60_000 + master.pid * 8 + i).join(",") };
  master.fds = processFds(host, loaded.conf, master);
  writePid(host, loaded.conf.pid, master.pid, root);
  startWorkers(host, master, loaded.conf);
  return 0;
}

function writePid(host: Host, path: string, pid: number, cred: Cred): void {
  try {
    fs.writeFile(host.state, cred, path, `${pid}\n`, false);
  } catch {
    // /run is root's; a failure here was reported by nginx -t already.
  }
}

/**
 * SIGHUP: re-read everything. A broken configuration or a socket that cannot
 * be bound leaves the old configuration and workers serving; otherwise new
 * workers with the new configuration replace the old ones.
 */
export function reloadDaemon(host: Host, master: Proc): void {
  const con: Console = { lines: [], logOpen: true, pid: master.pid };
  const loaded = loadChecked(host, fs.ROOT, con, false);
  if (!loaded) return;
  const old = loadedConf(master);
  const had = listenSockets(old);
  for (const l of listenSockets(loaded.conf)) {
    const kept = had.some((h) => h.addr === l.addr && h.port === l.port && h.v6 === l.v6);
    if (!kept && addressInUse(host, l)) {
      report(host, con, "emerg", `bind() to ${listenText(l)} failed (98: Address already in use)`, false);
      return;
    }
  }
  // Sockets already open keep their inode (the same socket), new ones get fresh ones.
  const oldInodes = String(master.params?.sockInodes ?? "").split(",").filter(Boolean).map(Number);
  const inodes = listenSockets(loaded.conf).map((l, i) => {
    const at = had.findIndex((h) => h.addr === l.addr && h.port === l.port && h.v6 === l.v6);
    return at >= 0 && oldInodes[at] !== undefined ? oldInodes[at] : 60_000 + master.pid * 8 + 16 + randInt(host.state, 0, 4000) * 8 + i;
  });
  for (const w of workersOf(host, master)) exitProc(host.state, w);
  master.params = { ...master.params, conf: JSON.stringify(loaded.conf), sockInodes: inodes.join(",") };
  master.fds = processFds(host, loaded.conf, master);
  writePid(host, loaded.conf.pid, master.pid, fs.ROOT);
  startWorkers(host, master, loaded.conf);
}

/** TERM/INT/QUIT to the master: workers exit, the pid file goes, then the master. */
export function shutdownDaemon(host: Host, master: Proc): void {
  for (const w of workersOf(host, master)) exitProc(host.state, w);
  const conf = loadedConf(master);
  const pidFile = fs.tryResolve(host.state, fs.ROOT, conf.pid ?? "/run/nginx.pid");
  if (pidFile) {
    try {
      fs.unlink(host.state, fs.ROOT, conf.pid ?? "/run/nginx.pid");
    } catch {
      // Already gone.
    }
  }
}

/** The master respawns a worker that died, logging how it ended, as nginx does. */
export function superviseWorkers(host: Host, master: Proc): void {
  const known = String(master.params?.workers ?? "").split(",").filter(Boolean).map(Number);
  const alive = workersOf(host, master).map((w) => w.pid);
  const gone = known.filter((pid) => !alive.includes(pid));
  if (gone.length === 0) return;
  const conf = loadedConf(master);
  for (const pid of gone) {
    appendTo(host.state, conf.errorLog, errorLogLine(host.now, "alert", master.pid, `worker process ${pid} exited on signal 9`));
    spawnWorker(host, master, conf);
  }
  master.params = { ...master.params, workers: workersOf(host, master).map((w) => w.pid).join(",") };
}

export { NGINX_CONF };

import { createBaseHost } from "../state/debian.ts";
import * as fs from "../state/fs.ts";
import { Host } from "../state/host.ts";
import { anonLimitKb } from "../state/oom.ts";
import { rssKb, spawn } from "../state/procs.ts";
import { hash32, randInt, randPick } from "../state/rng.ts";
import type { Proc } from "../state/types.ts";
import { startUnit } from "../services/systemd.ts";
import { installUnit } from "../services/units.ts";
import { progressLine } from "../programs/cache-warmer.ts";
import { future, unitRunning } from "./checks.ts";
import type { Check, ScenarioDefinition } from "./types.ts";
import { prodHostname } from "./naming.ts";

/**
 * oom-killed-worker: worker.service is SIGKILLed by the kernel every few
 * minutes. The worker itself is fine: after each start it climbs to its
 * working set and levels off. What leaks is `cache-warmer`, started by hand
 * by the `deploy` user hours ago with `nohup ... &` from an ssh session that
 * is long gone (parent 1, no tty, cwd and nohup.out in deploy's home). It has
 * grown past a gigabyte and keeps growing; the worker's unit sets
 * OOMScoreAdjust=500 (batch work should die before anything interactive), so
 * every time memory runs out the kernel picks the worker, not the leaker.
 *
 * Fixed: the warmer is gone and the worker stays up through the next ten
 * simulated minutes. Restarting or stopping the worker, or exempting it from
 * the OOM killer, is not a fix.
 */

const WORKER_UID = 997;
const DEPLOY_UID = 1001;
const UNIT = "worker.service";
const WARMER = "cache-warmer";
const WARMER_BIN = "/opt/app/bin/cache-warmer";
const TEN_MINUTES = 10 * 60_000;
/** The candidate's ssh login (sshd monitor, session, bash) arrives after the build: plan memory with it. */
const LOGIN_KB = 24_000;

function unitText(queue: string, concurrency: number, restartSec: number): string {
  return `[Unit]
Description=Background job worker (${queue})
After=network-online.target
Wants=network-online.target

[Service]
Type=simple
User=worker
Group=worker
ExecStart=/opt/worker/bin/worker --queue ${queue} --concurrency ${concurrency}
Restart=always
RestartSec=${restartSec}
# Batch work: under memory pressure the kernel should pick this before anything interactive.
OOMScoreAdjust=500

[Install]
WantedBy=multi-user.target
`;
}

function mkdirP(host: Host, path: string, opts: fs.CreateOpts): void {
  let prefix = "";
  for (const part of path.split("/").filter(Boolean)) {
    prefix += `/${part}`;
    if (!fs.tryResolve(host.state, fs.ROOT, prefix)) fs.mkdir(host.state, fs.ROOT, prefix, opts);
  }
}

export function workerProc(host: Host): Proc | undefined {
  const u = host.state.units[UNIT];
  return u?.mainPid != null ? host.state.procs[u.mainPid] : undefined;
}

function warmers(host: Host): Proc[] {
  return Object.values(host.state.procs).filter((p) => p.comm === WARMER && p.state !== "Z");
}

/** The deploy user's ssh session that started the warmer: login, logout, and logind keeping the scope for its leftover process. */
function deploySession(host: Host, loginAt: number, logoutAt: number, session: number): void {
  const s = host.state;
  const logind = s.units["systemd-logind.service"]?.mainPid ?? null;
  const priv = randInt(s, 3000, 60_000);
  const from = `10.0.0.${randInt(s, 5, 40)} port ${randInt(s, 40_000, 60_000)}`;
  const log = (tsMs: number, ident: string, pid: number | null, unit: string | null, message: string): void =>
    host.log({ tsMs, ident, pid, unit, priority: 6, message });
  log(loginAt, "sshd", priv, "ssh.service", `Accepted publickey for deploy from ${from} ssh2: ED25519 SHA256:Hx0vKq7b2Yc9Lm4Rt1Wp6Zs8Fd3Ng5Ja0Ue7Io2Bk`);
  log(loginAt, "sshd", priv, "ssh.service", `pam_unix(sshd:session): session opened for user deploy(uid=${DEPLOY_UID}) by (uid=0)`);
  log(loginAt + 20, "systemd-logind", logind, "systemd-logind.service", `New session ${session} of user deploy.`);
  log(loginAt + 40, "systemd", 1, null, `Started session-${session}.scope - Session ${session} of User deploy.`);
  log(logoutAt, "sshd", priv + 2, "ssh.service", `Received disconnect from ${from}:11: disconnected by user`);
  log(logoutAt, "sshd", priv + 2, "ssh.service", `Disconnected from user deploy ${from}`);
  log(logoutAt + 5, "sshd", priv, "ssh.service", "pam_unix(sshd:session): session closed for user deploy");
  log(logoutAt + 9, "systemd-logind", logind, "systemd-logind.service", `Session ${session} logged out. Waiting for processes to exit.`);
}

function build(seed: number): Host {
  const nowMs = Date.UTC(2026, 10, 26, 8, 40) + (seed % 113) * 60_000;
  const h = hash32("oom-killed-worker", seed);
  const hostname = prodHostname(h, ["jobs", "worker", "batch"], 4);
  const state = createBaseHost({
    seed, hostname, nowMs, rootGiB: 20,
    extraUsers: [
      { name: "worker", uid: WORKER_UID, gid: WORKER_UID, gecos: "", home: "/nonexistent", shell: "/usr/sbin/nologin" },
      { name: "deploy", uid: DEPLOY_UID, gid: DEPLOY_UID, gecos: "Deploy user,,,", home: "/home/deploy", shell: "/bin/bash" },
    ],
    extraGroups: [{ name: "worker", gid: WORKER_UID, members: [] }, { name: "deploy", gid: DEPLOY_UID, members: [] }],
  });
  const host = new Host(state);
  const longAgo = nowMs - randInt(state, 30, 120) * 86400_000;
  const queue = randPick(state, ["thumbnails", "exports", "emails", "reports"]);
  const concurrency = randPick(state, [4, 6, 8]);
  const restartSec = randPick(state, [5, 10, 15]);
  const brokerAddr = `10.0.1.${randInt(state, 20, 60)}`;

  mkdirP(host, "/opt/worker/bin", { mtimeMs: longAgo });
  fs.createFile(state, fs.ROOT, "/opt/worker/bin/worker", "", { mode: 0o755, mtimeMs: longAgo }).genBytes = 21_733_376;
  const deploy = { uid: DEPLOY_UID, gid: DEPLOY_UID, mtimeMs: longAgo };
  mkdirP(host, "/opt/app/bin", deploy);
  const warmerBuilt = nowMs - randInt(state, 1, 4) * 86400_000 - randInt(state, 0, 86400) * 1000;
  fs.createFile(state, fs.ROOT, WARMER_BIN, "", { ...deploy, mode: 0o755, mtimeMs: warmerBuilt }).genBytes = 9_412_608;
  mkdirP(host, "/home/deploy", { ...deploy, mode: 0o700 });

  // The worker's working set: where it levels off after a start, and how fast it gets there.
  const capKb = randInt(state, 680, 780) * 1024;
  const startKb = randInt(state, 150, 210) * 1024;
  const growKbPerSec = randInt(state, 1200, 1600);
  const unit = installUnit(host, {
    name: UNIT, path: `/etc/systemd/system/${UNIT}`, text: unitText(queue, concurrency, restartSec), program: "queue-worker", mtimeMs: longAgo,
    params: {
      queue, concurrency, brokerAddr, brokerHost: `mq-0${randInt(state, 1, 3)}.internal`, capKb, growKbPerSec,
      jobsPerMin: randInt(state, 180, 420), cpuShare: 0.3, vszKb: 1_873_420,
    },
    memoryKb: startKb,
  });
  state.clock.nowMs = state.clock.bootMs + 6_100;
  startUnit(host, unit);
  state.clock.nowMs = nowMs;

  // Plan the leak backwards from the first OOM kill, so that the worker at its full working set
  // plus the warmer plus everything else just reach the limit then.
  const firstKillAt = nowMs - randInt(state, 35, 60) * 60_000;
  const leakKbPerSec = randInt(state, 40, 60);
  const worker = workerProc(host);
  if (!worker) throw new Error("worker.service did not start while building the scenario");
  const others = Object.values(state.procs).reduce((n, p) => n + (p === worker ? 0 : rssKb(p, nowMs)), 0) + LOGIN_KB;
  const warmerAtKill = anonLimitKb(host) - capKb - others;
  const warmerStartKb = randInt(state, 60, 90) * 1024;
  const warmerStart = firstKillAt - Math.round(((warmerAtKill - warmerStartKb) / leakKbPerSec) * 1000);
  const loginAt = warmerStart - randInt(state, 90, 400) * 1000;
  const logoutAt = warmerStart + randInt(state, 60, 600) * 1000;
  const session = randInt(state, 3, 9);
  deploySession(host, loginAt, logoutAt, session);

  const params = { leakKbPerSec, tenants: randPick(state, [12_000, 18_500, 24_000]), tenantsPerMin: randInt(state, 30, 60), cgroup: `/user.slice/user-${DEPLOY_UID}.slice/session-${session}.scope` };
  // nohup appends its output to nohup.out in the directory it was started from.
  let history = "";
  for (let t = warmerStart + 5 * 60_000; t < firstKillAt - 5 * 60_000; t += 5 * 60_000) {
    history += progressLine(params, warmerStart, t, warmerStartKb + (leakKbPerSec * (t - warmerStart)) / 1000);
  }
  const out = fs.createFile(state, fs.ROOT, "/home/deploy/nohup.out", history, { ...deploy, mode: 0o600, mtimeMs: firstKillAt - 5 * 60_000 });
  const tail = `nohup ${WARMER_BIN} --all-tenants --concurrency 8 &\ntail nohup.out\nexit\n`;
  fs.createFile(state, fs.ROOT, "/home/deploy/.bash_history", `ls -l /opt/app/bin\n${WARMER_BIN} --help\n${tail}`, { ...deploy, mode: 0o600, mtimeMs: logoutAt });
  const ip = state.net.interfaces.flatMap((i) => i.addrs).find((a) => a.family === "inet" && a.scope === "global")?.address ?? "10.0.1.10";
  spawn(state, {
    // Its shell and sshd are long gone: reparented to init, and the hung-up terminal was taken from the session.
    ppid: 1, uid: DEPLOY_UID, gid: DEPLOY_UID, comm: WARMER, argv: [WARMER_BIN, "--all-tenants", "--concurrency", "8"], exe: WARMER_BIN,
    env: {
      SHELL: "/bin/bash", PWD: "/home/deploy", LOGNAME: "deploy", XDG_SESSION_TYPE: "tty", HOME: "/home/deploy", LANG: "C.UTF-8",
      SSH_CONNECTION: `10.0.0.9 51724 ${ip} 22`, XDG_SESSION_CLASS: "user", TERM: "xterm-256color", USER: "deploy", SHLVL: "1",
      XDG_SESSION_ID: String(session), XDG_RUNTIME_DIR: `/run/user/${DEPLOY_UID}`, SSH_CLIENT: "10.0.0.9 51724 22", PATH: "/usr/local/bin:/usr/bin:/bin:/usr/games",
      SSH_TTY: "/dev/pts/1", OLDPWD: "/home/deploy", _: "/usr/bin/nohup",
    },
    cwd: "/home/deploy", startMs: warmerStart, tty: null, cpuShare: 0.18, vszKb: warmerStartKb + 1_180_000, rssKb: warmerStartKb,
    rssGrowKbPerSec: leakKbPerSec, nice: 0, statFlags: "l", program: "cache-warmer", params,
    limits: { nofile: [1024, 524288], nproc: [7609, 7609] },
    fds: {
      // GNU nohup replaces a terminal stdin with /dev/null opened write-only, and appends stdout and stderr to nohup.out.
      "0": { kind: "chr", path: "/dev/null", mode: "w" },
      "1": { kind: "file", ino: out.ino, path: "/home/deploy/nohup.out", mode: "a", offset: history.length },
      "2": { kind: "file", ino: out.ino, path: "/home/deploy/nohup.out", mode: "a", offset: history.length },
      "3": { kind: "socket", proto: "TCP", state: "ESTABLISHED", inode: 52_000 + seed % 1000, localAddr: ip, localPort: randInt(state, 42_000, 60_000), remote: { addr: `10.0.1.${randInt(state, 61, 90)}`, port: 6379 } },
    },
  });

  // Run the last stretch for real: the first kill, the restarts and the kills after it.
  state.clock.nowMs = firstKillAt - 5 * 60_000;
  host.advance(nowMs - state.clock.nowMs);
  if (unit.restarts < 2) throw new Error(`worker.service was OOM-killed only ${unit.restarts} times while building the scenario`);
  if (warmers(host).length !== 1) throw new Error("the OOM killer chose cache-warmer while building the scenario");
  return host;
}

const warmerGone: Check = {
  name: "The leaking cache-warmer is no longer running",
  test: (host) => warmers(host).length === 0,
};

/** -1000 only moves the kill to the next process in line (sshd, the database client, ...). */
const notExempt: Check = {
  name: `${UNIT} is not exempt from the OOM killer`,
  test: (host) => {
    const unit = host.state.units[UNIT];
    const proc = workerProc(host);
    return (unit?.oomScoreAdjust ?? 0) > -1000 && (proc?.oomScoreAdj ?? 0) > -1000;
  },
};

const staysUp: Check = {
  name: `${UNIT} stays up for the next ten minutes`,
  test: (host) => {
    const proc = workerProc(host);
    if (!proc) return false;
    const later = future(host, TEN_MINUTES);
    const unit = later.state.units[UNIT];
    return unit?.activeState === "active" && unit.mainPid === proc.pid;
  },
};

export const oomKilledWorker: ScenarioDefinition = {
  slug: "oom-killed-worker",
  title: "The worker keeps getting killed",
  build,
  checks: [warmerGone, unitRunning(UNIT, `${UNIT} is running`), notExempt, staysUp],
  referenceFix: (host) => {
    const pid = warmers(host)[0]?.pid;
    return [`sudo kill ${pid ?? ""}`, "sudo systemctl restart worker"];
  },
};

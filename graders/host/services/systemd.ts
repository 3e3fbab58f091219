import { cpuMs, exitProc, spawn } from "../state/procs.ts";
import { randInt } from "../state/rng.ts";
import { userByName } from "../state/users.ts";
import type { Host } from "../state/host.ts";
import type { Proc, Unit } from "../state/types.ts";
import { programFor } from "../programs/registry.ts";
import { formatTimespan } from "./timespan.ts";
import { parseEnvironmentFile } from "./unit-file.ts";
import { readFileRange, ROOT, tryResolve } from "../state/fs.ts";
import { killCgroup, startForking, stopForking } from "./forking.ts";

/**
 * A small systemd: start/stop/restart of service units, Restart= handling when
 * the main process dies, and the manager's own journal lines worded as
 * systemd 252 words them ("Started app.service - App API server.").
 */

/** systemd's default RestartSec=100ms. */
const RESTART_SEC_MS = 100;

function title(unit: Unit): string {
  return `${unit.name} - ${unit.description}`;
}

function sysLog(host: Host, unit: Unit, message: string, priority = 6): void {
  host.log({ ident: "systemd", pid: 1, unit: unit.name, priority, message });
}

export function getUnit(host: Host, name: string): Unit | undefined {
  const full = name.includes(".") ? name : `${name}.service`;
  return host.state.units[full];
}

export function mainProc(host: Host, unit: Unit): Proc | undefined {
  return unit.mainPid === null ? undefined : host.state.procs[unit.mainPid];
}

/** EnvironmentFile= contents; a missing file without the "-" prefix fails the start, as in systemd. */
function unitEnvironment(host: Host, unit: Unit): Record<string, string> | null {
  const env: Record<string, string> = {};
  for (const spec of unit.environmentFiles) {
    const optional = spec.startsWith("-");
    const path = optional ? spec.slice(1) : spec;
    const found = tryResolve(host.state, ROOT, path);
    if (!found || found.inode.kind !== "file") {
      if (optional) continue;
      return null;
    }
    Object.assign(env, parseEnvironmentFile(readFileRange(found.inode, 0, 1_000_000)));
  }
  return { ...env, ...unit.environment };
}

/**
 * ExecStart= variable expansion: `${VAR}` stays one word, a bare `$VAR` is
 * split on whitespace and vanishes when empty (systemd.service(5)).
 */
export function expandArgv(argv: string[], env: Record<string, string>): string[] {
  const out: string[] = [];
  for (const word of argv) {
    const bare = /^\$([A-Za-z_][A-Za-z0-9_]*)$/.exec(word);
    if (bare) {
      out.push(...(env[bare[1] as string] ?? "").split(/\s+/).filter(Boolean));
      continue;
    }
    out.push(word.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_m, name: string) => env[name] ?? ""));
  }
  return out;
}

export function startUnit(host: Host, unit: Unit): void {
  if (unit.activeState === "active") return;
  if (unit.type === "forking") return startForking(host, unit);
  const user = userByName(host.state, unit.user);
  if (!user) throw new Error(`unit ${unit.name} runs as unknown user ${unit.user}`);
  const extraEnv = unitEnvironment(host, unit);
  if (extraEnv === null) {
    sysLog(host, unit, `${unit.name}: Failed to load environment files: No such file or directory`, 3);
    sysLog(host, unit, `${unit.name}: Failed to run 'start' task: No such file or directory`, 3);
    sysLog(host, unit, `${unit.name}: Failed with result 'resources'.`, 4);
    sysLog(host, unit, `Failed to start ${title(unit)}.`, 3);
    unit.activeState = "failed";
    unit.subState = "failed";
    unit.result = "resources";
    unit.stateSinceMs = host.now;
    return;
  }
  const argv = expandArgv(unit.execStart, extraEnv);
  const exe = argv[0] ?? "/bin/false";
  const nofile = unit.limitNofile ?? 524288;
  const proc = spawn(host.state, {
    ppid: 1,
    uid: user.uid,
    gid: user.gid,
    comm: exe.split("/").pop()?.slice(0, 15) ?? "unknown",
    argv,
    exe,
    env: { LANG: "C.UTF-8", PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", HOME: user.home, LOGNAME: user.name, USER: user.name, SHELL: user.shell, INVOCATION_ID: invocationId(host), JOURNAL_STREAM: "8:" + (30_000 + host.state.nextPid), SYSTEMD_EXEC_PID: String(host.state.nextPid), ...extraEnv },
    cwd: "/",
    tty: null,
    cpuShare: Number(unit.params.cpuShare ?? 0.02),
    vszKb: Number(unit.params.vszKb ?? 1_200_000),
    rssKb: unit.memoryKb,
    rssGrowKbPerSec: 0,
    nice: 0,
    // LimitNOFILE= sets both; without it systemd 252 gives services 1024 soft / 524288 hard.
    limits: { nofile: unit.limitNofile !== undefined ? [nofile, nofile] : [1024, 524288], nproc: [7609, 7609] },
    program: unit.program,
    unit: unit.name,
    statFlags: "s",
    ...(unit.oomScoreAdjust !== undefined ? { oomScoreAdj: unit.oomScoreAdjust } : {}),
    params: { ...unit.params },
    fds: {
      "0": { kind: "chr", path: "/dev/null", mode: "r" },
      "1": { kind: "socket", proto: "unix", inode: 30_000 + host.state.nextPid },
      "2": { kind: "socket", proto: "unix", inode: 30_000 + host.state.nextPid },
    },
  });
  unit.mainPid = proc.pid;
  unit.activeState = "active";
  unit.subState = "running";
  unit.result = "success";
  unit.stateSinceMs = host.now;
  unit.activeEnterMs = host.now;
  delete unit.restartAtMs;
  // Type=simple: systemd reports the start as soon as the process is forked; what the program
  // then logs (or a failure right at start, which ends in onMainProcessExit) comes after.
  sysLog(host, unit, `Started ${title(unit)}.`);
  programFor(unit.program).start?.(host, proc);
}

function invocationId(host: Host): string {
  let out = "";
  for (let i = 0; i < 4; i++) out += randInt(host.state, 0, 0xffffffff).toString(16).padStart(8, "0");
  return out;
}

export function stopUnit(host: Host, unit: Unit): void {
  if (unit.type === "forking") return stopForking(host, unit);
  const proc = mainProc(host, unit);
  if (unit.activeState !== "active" && unit.activeState !== "activating") {
    return;
  }
  if (!proc) {
    // Waiting in auto-restart: nothing runs, so there is nothing to stop; the pending restart is dropped.
    unit.activeState = "inactive";
    unit.subState = "dead";
    unit.stateSinceMs = host.now;
    delete unit.restartAtMs;
    sysLog(host, unit, `Stopped ${title(unit)}.`);
    return;
  }
  sysLog(host, unit, `Stopping ${title(unit)}...`);
  const consumed = proc ? cpuMs(proc, host.now) : 0;
  if (proc) {
    unit.lastExit = { pid: proc.pid, code: "exited", status: "0/SUCCESS" };
    exitProc(host.state, proc);
  }
  unit.mainPid = null;
  unit.activeState = "inactive";
  unit.subState = "dead";
  unit.stateSinceMs = host.now;
  delete unit.restartAtMs;
  sysLog(host, unit, `${unit.name}: Deactivated successfully.`);
  sysLog(host, unit, `Stopped ${title(unit)}.`);
  if (consumed >= 1) sysLog(host, unit, `${unit.name}: Consumed ${formatTimespan(consumed)} CPU time.`);
}

export function restartUnit(host: Host, unit: Unit): void {
  stopUnit(host, unit);
  startUnit(host, unit);
}

/**
 * The main process died on its own or by a signal: record the result, maybe schedule a restart.
 * `result` overrides the derived one when systemd knows more, e.g. 'oom-kill' after the kernel's OOM killer.
 */
export function onMainProcessExit(host: Host, proc: Proc, sig: number, code: number, result?: string): void {
  const unit = proc.unit ? host.state.units[proc.unit] : undefined;
  if (!unit || unit.mainPid !== proc.pid) return;
  unit.mainPid = null;
  // A forking daemon's workers go with it: systemd clears the cgroup once the main process is gone.
  if (unit.type === "forking") killCgroup(host, unit);
  const clean = sig === 15 || sig === 1 || sig === 2 || (sig === 0 && code === 0);
  if (sig) sysLog(host, unit, `${unit.name}: Main process exited, code=killed, status=${sig}/${SIGNAMES[sig] ?? sig}`, clean ? 6 : 4);
  else sysLog(host, unit, `${unit.name}: Main process exited, code=exited, status=${code}/${code === 0 ? "SUCCESS" : "FAILURE"}`, code ? 4 : 6);
  unit.result = result ?? (clean ? "success" : sig ? "signal" : "exit-code");
  unit.lastExit = sig
    ? { pid: proc.pid, code: "killed", status: SIGNAMES[sig] ?? String(sig) }
    : { pid: proc.pid, code: "exited", status: `${code}/${code === 0 ? "SUCCESS" : "FAILURE"}` };
  if (!clean) sysLog(host, unit, `${unit.name}: Failed with result '${unit.result}'.`, 4);
  else sysLog(host, unit, `${unit.name}: Deactivated successfully.`);
  const restart = unit.restart === "always" || (unit.restart === "on-failure" && !clean);
  unit.stateSinceMs = host.now;
  if (restart) {
    unit.activeState = "activating";
    unit.subState = "auto-restart";
    unit.restartAtMs = host.now + (unit.restartSecMs ?? RESTART_SEC_MS);
  } else {
    unit.activeState = clean ? "inactive" : "failed";
    unit.subState = clean ? "dead" : "failed";
  }
}

export function runDueRestarts(host: Host): void {
  for (const unit of Object.values(host.state.units)) {
    if (unit.restartAtMs === undefined || unit.restartAtMs > host.now) continue;
    unit.restarts += 1;
    sysLog(host, unit, `${unit.name}: Scheduled restart job, restart counter is at ${unit.restarts}.`);
    unit.activeState = "inactive";
    startUnit(host, unit);
  }
}

const SIGNAMES: Record<number, string> = { 1: "HUP", 2: "INT", 3: "QUIT", 6: "ABRT", 9: "KILL", 11: "SEGV", 15: "TERM" };

import { exitProc, spawn } from "../state/procs.ts";
import { readFileRange, ROOT, tryResolve } from "../state/fs.ts";
import type { Host } from "../state/host.ts";
import type { Proc, Unit } from "../state/types.ts";
import { programFor } from "../programs/registry.ts";

/**
 * Type=forking services as systemd 252 runs them (nginx): ExecStartPre= and
 * ExecStart= are control processes whose exit status decides the start job;
 * the daemon they leave behind is found through PIDFile=. ExecReload= runs as
 * a control process too, and a failing reload leaves the running daemon as
 * it was. The program behind the unit decides what each command line does.
 */

function title(unit: Unit): string {
  return `${unit.name} - ${unit.description}`;
}

function sysLog(host: Host, unit: Unit, message: string, priority = 6): void {
  host.log({ ident: "systemd", pid: 1, unit: unit.name, priority, message });
}

/** Run one control command as a short-lived child of pid 1 and record it for `systemctl status`. */
function runControl(host: Host, unit: Unit, label: string, argv: string[]): number {
  const exe = argv[0] ?? "/bin/false";
  const ctl: Proc = spawn(host.state, {
    ppid: 1, uid: 0, gid: 0, comm: exe.split("/").pop()?.slice(0, 15) ?? "", argv, exe, env: {}, cwd: "/", tty: null,
    cpuShare: 0, vszKb: 10_000, rssKb: 1_200, rssGrowKbPerSec: 0, nice: 0, unit: unit.name,
    limits: { nofile: [1024, 524288], nproc: [7609, 7609] },
    fds: { "0": { kind: "chr", path: "/dev/null", mode: "r" } },
  });
  const program = programFor(unit.program);
  const code = program.control ? program.control(host, unit, argv, ctl) : 0;
  // The control process is gone before systemd looks at the result; its children (a daemon) were reparented.
  delete ctl.unit;
  if (host.state.procs[ctl.pid]) exitProc(host.state, ctl);
  const runs = (unit.controlRuns ?? []).filter((r) => r.label !== label);
  runs.push({ label, pid: ctl.pid, argv, code });
  const order = ["ExecStartPre", "ExecStart", "ExecReload", "ExecStop"];
  unit.controlRuns = runs.sort((a, b) => order.indexOf(a.label) - order.indexOf(b.label));
  return code;
}

function controlFailed(host: Host, unit: Unit, code: number): void {
  sysLog(host, unit, `${unit.name}: Control process exited, code=exited, status=${code}/FAILURE`, 5);
}

function enterFailed(host: Host, unit: Unit, result: string): void {
  unit.activeState = "failed";
  unit.subState = "failed";
  unit.result = result;
  unit.mainPid = null;
  unit.stateSinceMs = host.now;
  killCgroup(host, unit);
  sysLog(host, unit, `${unit.name}: Failed with result '${result}'.`, 4);
  sysLog(host, unit, `Failed to start ${title(unit)}.`, 3);
}

/** systemd kills whatever is left in the unit's cgroup once the service is down. */
export function killCgroup(host: Host, unit: Unit): void {
  for (const p of Object.values(host.state.procs)) {
    if (p.unit === unit.name && p.state !== "Z") exitProc(host.state, p);
  }
}

function readPid(host: Host, path: string): number | null {
  const found = tryResolve(host.state, ROOT, path);
  if (!found || found.inode.kind !== "file") return null;
  const pid = Number(readFileRange(found.inode, 0, 64).trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

export function startForking(host: Host, unit: Unit): void {
  if (unit.activeState === "active") return;
  delete unit.restartAtMs;
  unit.controlRuns = [];
  delete unit.lastExit;
  sysLog(host, unit, `Starting ${title(unit)}...`);
  for (const pre of unit.execStartPre ?? []) {
    const code = runControl(host, unit, "ExecStartPre", pre);
    if (code !== 0) {
      controlFailed(host, unit, code);
      enterFailed(host, unit, "exit-code");
      return;
    }
  }
  const code = runControl(host, unit, "ExecStart", unit.execStart);
  if (code !== 0) {
    controlFailed(host, unit, code);
    enterFailed(host, unit, "exit-code");
    return;
  }
  const pid = unit.pidFile ? readPid(host, unit.pidFile) : null;
  const main = pid !== null ? host.state.procs[pid] : undefined;
  if (!main) {
    sysLog(host, unit, `${unit.name}: Can't open PID file ${unit.pidFile ?? ""} (yet?) after start: No such file or directory`, 4);
    enterFailed(host, unit, "protocol");
    return;
  }
  main.unit = unit.name;
  unit.mainPid = main.pid;
  unit.activeState = "active";
  unit.subState = "running";
  unit.result = "success";
  unit.stateSinceMs = host.now;
  unit.activeEnterMs = host.now;
  sysLog(host, unit, `Started ${title(unit)}.`);
}

/** `systemctl reload`: true when ExecReload= succeeded; the daemon keeps running either way. */
export function reloadForking(host: Host, unit: Unit): boolean {
  if (!unit.execReload) return false;
  sysLog(host, unit, `Reloading ${title(unit)}...`);
  const code = runControl(host, unit, "ExecReload", unit.execReload);
  if (code !== 0) {
    controlFailed(host, unit, code);
    sysLog(host, unit, `Reload failed for ${title(unit)}.`, 3);
    return false;
  }
  sysLog(host, unit, `Reloaded ${title(unit)}.`);
  return true;
}

/** ExecStop= asks the daemon to quit (nginx: QUIT via start-stop-daemon); KillMode=mixed then clears the cgroup. */
export function stopForking(host: Host, unit: Unit): void {
  if (unit.activeState !== "active") return;
  sysLog(host, unit, `Stopping ${title(unit)}...`);
  const main = unit.mainPid !== null ? host.state.procs[unit.mainPid] : undefined;
  // The main process exiting now is the stop systemd asked for, not a crash to react to.
  unit.mainPid = null;
  if (unit.execStop) runControl(host, unit, "ExecStop", unit.execStop);
  else if (main?.program) programFor(main.program).onSignal?.(host, main, 15);
  if (main && host.state.procs[main.pid]) exitProc(host.state, main);
  killCgroup(host, unit);
  unit.mainPid = null;
  unit.activeState = "inactive";
  unit.subState = "dead";
  unit.result = "success";
  unit.stateSinceMs = host.now;
  sysLog(host, unit, `${unit.name}: Deactivated successfully.`);
  sysLog(host, unit, `Stopped ${title(unit)}.`);
}

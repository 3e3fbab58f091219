import type { Host } from "../../state/host.ts";
import type { Unit } from "../../state/types.ts";
import { needsReload } from "../../services/units.ts";
import { formatTimespan } from "../../services/timespan.ts";

/**
 * `systemctl show UNIT [-p PROP[,PROP]]... [--value]`: the unit's properties
 * as systemd 252 names and formats them, for the ones troubleshooting reads
 * (MainPID, NRestarts, Result, LimitNOFILE, Environment, EnvironmentFiles,
 * DropInPaths, NeedDaemonReload, ...). These reflect what systemd has
 * loaded, not the files on disk, exactly like the real thing.
 */

const DEFAULT_NOFILE: [number, number] = [1024, 524288];

export function unitProperties(host: Host, unit: Unit): [string, string][] {
  const soft = unit.limitNofile ?? DEFAULT_NOFILE[0];
  const hard = unit.limitNofile ?? DEFAULT_NOFILE[1];
  const last = unit.lastExit;
  const lastStatus = last && last.code === "exited" ? String(parseInt(last.status, 10) || 0) : last ? "0" : "0";
  return [
    ["Type", "simple"],
    ["Restart", unit.restart],
    ["RestartUSec", formatTimespan(unit.restartSecMs ?? 100) || "0"],
    ["MainPID", String(unit.mainPid ?? 0)],
    ["ExecMainPID", String(unit.mainPid ?? last?.pid ?? 0)],
    ["ExecMainStatus", unit.mainPid !== null ? "0" : lastStatus],
    ["Result", unit.result],
    ["NRestarts", String(unit.restarts)],
    ["ExecStart", `{ path=${unit.execStart[0] ?? ""} ; argv[]=${unit.execStart.join(" ")} ; ignore_errors=no ; start_time=[n/a] ; stop_time=[n/a] ; pid=0 ; code=(null) ; status=0/0 }`],
    ["User", unit.user === "root" ? "" : unit.user],
    ["Environment", Object.entries(unit.environment).map(([k, v]) => `${k}=${v}`).join(" ")],
    ["EnvironmentFiles", unit.environmentFiles.map((f) => (f.startsWith("-") ? `${f.slice(1)} (ignore_errors=yes)` : `${f} (ignore_errors=no)`)).join(" ")],
    ["LimitNOFILE", String(hard)],
    ["LimitNOFILESoft", String(soft)],
    ["OOMScoreAdjust", String(unit.oomScoreAdjust ?? 0)],
    ["Id", unit.name],
    ["Names", unit.name],
    ["Description", unit.description],
    ["LoadState", "loaded"],
    ["ActiveState", unit.activeState],
    ["SubState", unit.subState],
    ["FragmentPath", unit.fragmentPath],
    ["DropInPaths", unit.dropIns.join(" ")],
    ["UnitFileState", unit.enabled ? "enabled" : "disabled"],
    ["NeedDaemonReload", needsReload(host, unit) ? "yes" : "no"],
  ];
}

export interface ShowOptions {
  properties: string[];
  value: boolean;
  all: boolean;
}

export function parseShowArgs(args: string[]): { opts: ShowOptions; names: string[] } {
  const opts: ShowOptions = { properties: [], value: false, all: false };
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "show") continue;
    if (a === "-p" || a === "--property") opts.properties.push(...(args[++i] ?? "").split(","));
    else if (a.startsWith("--property=")) opts.properties.push(...a.slice(11).split(","));
    else if (a.startsWith("-p")) opts.properties.push(...a.slice(2).split(","));
    else if (a === "--value") opts.value = true;
    else if (a === "-a" || a === "--all") opts.all = true;
    else if (!a.startsWith("-")) names.push(a);
  }
  opts.properties = opts.properties.filter(Boolean);
  return { opts, names };
}

export function renderShow(host: Host, unit: Unit, opts: ShowOptions): string {
  let props = unitProperties(host, unit);
  // -p filters; the order stays systemd's (the D-Bus interface order), not the order asked.
  if (opts.properties.length) props = props.filter(([k]) => opts.properties.includes(k));
  // Empty values are left out unless asked for by name or with --all.
  else if (!opts.all) props = props.filter(([, v]) => v !== "");
  return props.map(([k, v]) => (opts.value ? `${v}\n` : `${k}=${v}\n`)).join("");
}

const MANAGER: [string, string][] = [["Version", "252.31-1~deb12u1"], ["Architecture", "x86-64"], ["DefaultLimitNOFILE", "524288"], ["DefaultLimitNOFILESoft", "1024"]];

/** `systemctl show` without a unit: the manager's own properties (a few of them). */
export function renderManager(opts: ShowOptions): string {
  const props = opts.properties.length ? MANAGER.filter(([k]) => opts.properties.includes(k)) : MANAGER;
  return props.map(([k, v]) => (opts.value ? `${v}\n` : `${k}=${v}\n`)).join("");
}

export function renderMissing(name: string, opts: ShowOptions): string {
  const props: [string, string][] = [["MainPID", "0"], ["Id", name], ["Names", name], ["LoadState", "not-found"], ["ActiveState", "inactive"], ["SubState", "dead"]];
  const pick = opts.properties.length ? props.filter(([k]) => opts.properties.includes(k)) : props;
  return pick.map(([k, v]) => (opts.value ? `${v}\n` : `${k}=${v}\n`)).join("");
}

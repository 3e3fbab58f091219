import type { Host } from "../../state/host.ts";
import { cpuMs, rssKb } from "../../state/procs.ts";
import type { Proc, Unit } from "../../state/types.ts";
import { formatRelative, formatTimespan } from "../../services/timespan.ts";
import { shortLine, unitEntries } from "../../services/journal-format.ts";
import { systemdTime } from "../format.ts";

/**
 * `systemctl status UNIT` as systemd 252 prints it: the state dot (● active,
 * × failed, ○ inactive), Loaded with the preset, Drop-In tree, Active with
 * Result and relative time, Main PID or how it ended, Tasks/Memory/CPU,
 * the CGroup tree and the unit's last ten journal lines.
 */

/** format_bytes(): 1024-based with one decimal, "45.2M". */
export function formatBytes(bytes: number): string {
  const units = ["K", "M", "G", "T"];
  if (bytes < 1024) return `${bytes}B`;
  let v = bytes;
  let i = -1;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)}${units[i]}`;
}

function dot(unit: Unit): string {
  if (unit.activeState === "failed") return "×";
  if (unit.activeState === "active" || unit.activeState === "activating" || unit.activeState === "deactivating") return "●";
  return "○";
}

function activeLine(host: Host, unit: Unit): string {
  const since = `since ${systemdTime(unit.stateSinceMs)}; ${formatRelative(host.now - unit.stateSinceMs)}`;
  switch (unit.activeState) {
    case "active":
      return `active (${unit.subState}) ${since}`;
    case "failed":
      return `failed (Result: ${unit.result}) ${since}`;
    case "activating":
      return `activating (${unit.subState})${unit.result !== "success" ? ` (Result: ${unit.result})` : ""} ${since}`;
    default:
      return unit.stateSinceMs <= host.state.clock.bootMs ? "inactive (dead)" : `inactive (dead) ${since}`;
  }
}

function exitText(unit: Unit): string {
  const e = unit.lastExit;
  if (!e) return "";
  return e.code === "killed" ? `(code=killed, signal=${e.status})` : `(code=exited, status=${e.status})`;
}

function cgroup(host: Host, unit: Unit, main: Proc): string[] {
  // The unit's cgroup: its own processes only; ssh logins live in their session scopes, not in ssh.service.
  const procs = [main, ...Object.values(host.state.procs).filter((p) => p.unit === unit.name && p.pid !== main.pid)];
  // systemd 252 quotes an argument that contains spaces (nginx's rewritten "nginx: master process ...").
  const arg = (a: string): string => (/\s/.test(a) ? `"${a}"` : a);
  // A zombie has no command line left: systemd falls back to the comm in brackets.
  return procs.map((p, i) => `             ${i === procs.length - 1 ? "└─" : "├─"}${p.pid} ${p.state === "Z" ? `[${p.comm}]` : p.argv.map(arg).join(" ")}`);
}

export function renderStatus(host: Host, unit: Unit, lines = 10): string {
  const out: string[] = [];
  out.push(`${dot(unit)} ${unit.name} - ${unit.description}`);
  out.push(`     Loaded: loaded (${unit.fragmentPath}; ${unit.enabled ? "enabled" : "disabled"}; preset: enabled)`);
  if (unit.dropIns.length) {
    const dir = unit.dropIns[0]!.slice(0, unit.dropIns[0]!.lastIndexOf("/"));
    out.push(`    Drop-In: ${dir}`);
    out.push(`             └─${unit.dropIns.map((p) => p.slice(dir.length + 1)).join(", ")}`);
  }
  out.push(`     Active: ${activeLine(host, unit)}`);
  (unit.docs ?? []).forEach((doc, i) => out.push(`${i === 0 ? "       Docs: " : "             "}${doc}`));
  // Control processes of forking units (ExecStartPre=, ExecStart=, ExecReload=) and how each ended.
  for (const run of unit.controlRuns ?? []) {
    out.push(`    Process: ${run.pid} ${run.label}=${run.argv.join(" ")} (code=exited, status=${run.code}/${run.code === 0 ? "SUCCESS" : "FAILURE"})`);
  }
  const main = unit.mainPid === null ? undefined : host.state.procs[unit.mainPid];
  if (main && unit.activeState === "active") {
    out.push(`   Main PID: ${main.pid} (${main.comm})`);
    out.push(`      Tasks: ${Object.values(host.state.procs).filter((p) => p.unit === unit.name).length || 1} (limit: 2314)`);
    // The cgroup's memory: every process in it (cron's running jobs too), not just the main one.
    out.push(`     Memory: ${formatBytes(Object.values(host.state.procs).filter((p) => p.pid === main.pid || p.unit === unit.name).reduce((n, p) => n + rssKb(p, host.now), 0) * 1024)}`);
    out.push(`        CPU: ${formatTimespan(cpuMs(main, host.now))}`);
    out.push(`     CGroup: /system.slice/${unit.name}`);
    out.push(...cgroup(host, unit, main));
  } else if (unit.lastExit && unit.type !== "forking") {
    out.push(`    Process: ${unit.lastExit.pid} ExecStart=${unit.execStart.join(" ")} ${exitText(unit)}`);
    out.push(`   Main PID: ${unit.lastExit.pid} ${exitText(unit)}`);
  }
  const journal = unitEntries(host, unit.name).slice(-lines);
  if (journal.length && lines > 0) out.push("", ...journal.map((e) => shortLine(host, e).trimEnd()));
  return out.join("\n") + "\n";
}

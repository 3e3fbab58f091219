import * as fs from "../../state/fs.ts";
import { CPU_COUNT } from "../../state/cpu.ts";
import type { Host } from "../../state/host.ts";
import { cpuMs, procsGeneration } from "../../state/procs.ts";
import type { Proc } from "../../state/types.ts";
import type { Program } from "../types.ts";

/**
 * What the executables cron runs do (HostState.execs names one of these per
 * path, with its parameters). Templates in params expand {pid}, {iso}
 * (2026-11-25T14:02:01Z) and {epoch} (seconds).
 */

export function expand(template: string, proc: Proc, nowMs: number): string {
  const iso = new Date(nowMs).toISOString().replace(/\.\d{3}Z$/, "Z");
  return template.replace(/\{pid\}/g, String(proc.pid)).replace(/\{iso\}/g, iso).replace(/\{epoch\}/g, String(Math.floor(nowMs / 1000)));
}

/** Append a line to a file as the process's user would (silently dropped when it cannot). */
export function appendAs(host: Host, proc: Proc, path: string, text: string): boolean {
  const cred = { uid: proc.uid, gid: proc.gid, groups: [proc.gid] };
  try {
    fs.writeFile(host.state, cred, path, text, true);
    return true;
  } catch (e) {
    if (e instanceof Error && "code" in e) return false;
    throw e;
  }
}

/**
 * Give a process a new CPU share from now on without rewriting its past:
 * cpu time stays continuous (ps TIME, top TIME+), only its slope changes.
 */
export function setCpuShare(proc: Proc, share: number, nowMs: number): void {
  if (Math.abs(proc.cpuShare - share) < 1e-9) return;
  const used = cpuMs(proc, nowMs);
  proc.cpuShare = share;
  proc.startCpuMs = used - Math.max(0, nowMs - proc.startMs) * share;
}

/** The scheduler's fair share: runnable tasks split the CPUs evenly. */
export function fairShare(host: Host): number {
  // Every spinner asks each simulated second: count once per instant and process-table change.
  const key = `${host.now}:${procsGeneration(host.state)}`;
  const memo = shareMemo.get(host.state.procs);
  if (memo && memo.key === key) return memo.share;
  let runnable = 0;
  for (const p of Object.values(host.state.procs)) if (p.state === "R") runnable++;
  const share = Math.min(1, CPU_COUNT / Math.max(1, runnable));
  shareMemo.set(host.state.procs, { key, share });
  return share;
}

const shareMemo = new WeakMap<Record<string, Proc>, { key: string; share: number }>();

/**
 * A busy loop that never ends by itself: always runnable, taking whatever
 * CPU the scheduler gives it. Logs params.startLine to params.logFile when it starts.
 */
export const cpuSpin: Program = {
  start(host, proc) {
    proc.state = "R";
    shareMemo.delete(host.state.procs);
    const params = proc.params ?? {};
    if (params.logFile && params.startLine) appendAs(host, proc, String(params.logFile), `${expand(String(params.startLine), proc, host.now)}\n`);
    for (const p of Object.values(host.state.procs)) if (p.program === "cpu-spin") setCpuShare(p, fairShare(host), host.now);
  },
  tick(host, proc, _fromMs, toMs) {
    setCpuShare(proc, fairShare(host), toMs);
  },
};

/**
 * A short job that writes (replaces) params.path with params.text and exits
 * after params.runMs (default: at once), e.g. a metrics heartbeat.
 */
export const writeFileJob: Program = {
  start(host, proc) {
    const params = proc.params ?? {};
    const cred = { uid: proc.uid, gid: proc.gid, groups: [proc.gid] };
    try {
      fs.writeFile(host.state, cred, String(params.path), expand(String(params.text ?? ""), proc, host.now), false);
    } catch (e) {
      if (!(e instanceof Error && "code" in e)) throw e;
    }
    const runMs = Number(params.runMs ?? 0);
    if (runMs <= 0) host.terminate(proc, 0, 0);
    else proc.params = { ...params, endMs: host.now + runMs };
  },
  tick(host, proc, _fromMs, toMs) {
    if (toMs >= Number(proc.params?.endMs ?? 0)) host.terminate(proc, 0, 0);
  },
};

import type { Host } from "./host.ts";
import type { HostState } from "./types.ts";

/**
 * Load averages as the kernel keeps them: exponentially damped averages of
 * the number of runnable (R) and uninterruptible (D) tasks over 1, 5 and 15
 * minutes. The host folds the current count in as its clock advances
 * (foldLoad), so the figures climb while tasks pile up and decay for minutes
 * after they are gone, exactly the lag an engineer reads in `uptime`.
 * Sleeping daemons count with the CPU share they use on average.
 */

const WINDOWS_SEC = [60, 300, 900] as const;
/** An idle cloud VM never shows a flat 0.00: timers, kworkers and journald wake up now and then. */
const BASE = 0.02;

/** Tasks the scheduler counts right now. */
export function runnableNow(state: HostState): number {
  let n = BASE;
  for (const p of Object.values(state.procs)) {
    if (p.state === "Z" || p.state === "T" || p.state === "I") continue;
    // A runnable task counts fully however little CPU it gets; a multi-threaded spinner counts per thread.
    if (p.state === "R") n += Math.max(1, p.cpuShare);
    else if (p.state === "D") n += 1;
    else n += p.cpuShare;
  }
  return n;
}

/**
 * Averages for a host that has none recorded yet (built before this model, or
 * fresh): as if every live task had been runnable since it started.
 */
function initial(state: HostState): [number, number, number] {
  const now = state.clock.nowMs;
  return WINDOWS_SEC.map((w) => {
    let v = BASE;
    for (const p of Object.values(state.procs)) {
      if (p.state === "Z" || p.state === "T" || p.state === "I") continue;
      const share = p.state === "R" ? Math.max(1, p.cpuShare) : p.state === "D" ? 1 : p.cpuShare;
      v += share * (1 - Math.exp(-Math.max(0, now - p.startMs) / 1000 / w));
    }
    return v;
  }) as [number, number, number];
}

function damp(avg: [number, number, number], n: number, dtMs: number): [number, number, number] {
  return avg.map((a, i) => {
    const e = Math.exp(-dtMs / 1000 / (WINDOWS_SEC[i] as number));
    return a * e + n * (1 - e);
  }) as [number, number, number];
}

/** Time passed from `fromMs` to `toMs` with the current task count. */
export function foldLoad(host: Host, fromMs: number, toMs: number): void {
  const state = host.state;
  const n = runnableNow(state);
  if (!state.load) {
    state.load = { atMs: toMs, avg: initial(state) };
    return;
  }
  const since = Math.max(state.load.atMs, fromMs);
  if (toMs <= since) return;
  state.load = { atMs: toMs, avg: damp(state.load.avg, n, toMs - since) };
}

/** The 1-, 5- and 15-minute load averages now (without changing the state). */
export function loadAverages(host: Host): [number, number, number] {
  const state = host.state;
  if (!state.load) return initial(state);
  const dt = host.now - state.load.atMs;
  return dt > 0 ? damp(state.load.avg, runnableNow(state), dt) : state.load.avg;
}

/** Runnable count for /proc/loadavg's "running/total" field. */
export function runningCount(host: Host): number {
  return 1 + Object.values(host.state.procs).filter((p) => p.state === "R" || (p.state !== "Z" && p.cpuShare >= 0.5)).length;
}

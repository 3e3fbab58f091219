import type { Host } from "./host.ts";

/**
 * Load averages from what is runnable now. Processes declare the share of a
 * CPU they use (cpuShare); uninterruptible sleepers (D) count fully, as the
 * kernel's load counts them. The 5- and 15-minute figures lag towards the
 * 1-minute one by how long the load has lasted (the oldest busy process).
 */
export function loadAverages(host: Host): [number, number, number] {
  let now = 0;
  let sinceMs = host.now;
  for (const p of Object.values(host.state.procs)) {
    if (p.state === "Z" || p.state === "T") continue;
    const share = p.state === "D" ? 1 : p.cpuShare;
    if (share >= 0.05) sinceMs = Math.min(sinceMs, p.startMs);
    now += share;
  }
  const ageMin = (host.now - sinceMs) / 60_000;
  const towards = (windowMin: number): number => now * (1 - Math.exp(-ageMin / windowMin));
  const base = 0.02;
  return [base + towards(1), base + towards(5), base + towards(15)];
}

/** Runnable count for /proc/loadavg's "running/total" field. */
export function runningCount(host: Host): number {
  return 1 + Object.values(host.state.procs).filter((p) => p.state === "R" || p.cpuShare >= 0.5).length;
}

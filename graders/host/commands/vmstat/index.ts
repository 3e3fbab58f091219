import { cpuSplit, cpuSplitSinceBoot, diskRates, diskTotals } from "../../state/io.ts";
import { memInfo } from "../../state/memory.ts";
import type { Runtime } from "../../shell/runtime.ts";
import { fail, ok, type HostCommand } from "../types.ts";
import { startFollow } from "../../shell/follow/start.ts";

/**
 * vmstat from procps-ng 4.0.2: `vmstat [delay [count]]`, one line per sample
 * under the two header lines, later samples after the simulated delay.
 * Numbers wider than their column push the rest of the line right, as vmstat's
 * printf widths do.
 */

export const HEADER =
  "procs -----------memory---------- ---swap-- -----io---- -system-- ------cpu-----\n" +
  " r  b   swpd   free   buff  cache   si   so    bi    bo   in   cs us sy id wa st\n";

export function sample(rt: Pick<Runtime, "host">, sinceBoot: boolean): string {
  const procs = Object.values(rt.host.state.procs);
  const running = Math.max(1, Math.round(procs.reduce((n, p) => n + (p.state === "Z" || p.state === "T" ? 0 : p.cpuShare), 0)));
  const blocked = procs.filter((p) => p.state === "D").length;
  const m = memInfo(rt.host);
  // CPU split and disk traffic come from the same model as iostat's (state/io.ts). The first line
  // averages since boot; later ones are the last interval.
  const cpu = sinceBoot ? cpuSplitSinceBoot(rt.host) : cpuSplit(rt.host);
  const us = Math.round(cpu.user + cpu.nice);
  const sy = Math.round(cpu.system);
  const wa = Math.round(cpu.iowait);
  const id = Math.max(0, 100 - us - sy - wa);
  const busy = 100 - cpu.idle - cpu.iowait;
  const upSec = Math.max(1, (rt.host.now - rt.host.state.clock.bootMs) / 1000);
  const totals = diskTotals(rt.host);
  const disk = sinceBoot ? { r: totals.readKb / upSec, w: totals.writeKb / upSec, iops: (totals.reads + totals.writes) / upSec } : (({ rKbps, wKbps, rIops, wIops }) => ({ r: rKbps, w: wKbps, iops: rIops + wIops }))(diskRates(rt.host));
  // Interrupts and context switches: timer and network background, more with CPU work and disk requests.
  const io = sinceBoot ? [disk.r, disk.w, 38, 71] : [disk.r, disk.w, 60 + busy * 20 + disk.iops, 110 + busy * 40 + disk.iops * 1.5];
  const f = (n: number, w: number): string => String(Math.round(n)).padStart(w);
  return `${f(running, 2)} ${f(blocked, 2)} ${f(m.swapTotal - m.swapFree, 6)} ${f(m.free, 6)} ${f(m.buffers, 6)} ${f(m.cached + m.sReclaimable, 6)} ${f(0, 4)} ${f(0, 4)} ${f(io[0] ?? 0, 5)} ${f(io[1] ?? 0, 5)} ${f(io[2] ?? 0, 4)} ${f(io[3] ?? 0, 4)} ${f(us, 2)} ${f(sy, 2)} ${f(id, 2)} ${f(wa, 2)} ${f(0, 2)}\n`;
}

export const vmstat: HostCommand = {
  name: "vmstat",
  async run(args, _ctx, rt) {
    const nums = args.filter((a) => !a.startsWith("-"));
    if (args.some((a) => a.startsWith("-") && !["-w", "-n", "-t"].includes(a))) return fail(`vmstat: invalid option -- '${(args.find((a) => a.startsWith("-")) ?? "-").slice(1, 2)}'\n`, 1);
    const delay = nums[0] !== undefined ? Number(nums[0]) : 0;
    const count = nums[1] !== undefined ? Number(nums[1]) : null;
    if (!Number.isFinite(delay) || (count !== null && !Number.isFinite(count)) || delay < 0) return fail("vmstat: Invalid delay\n", 1);
    // With a delay vmstat prints a sample every delay seconds (until Ctrl-C without a count); on a
    // pipe a counted run completes at once in simulated time (shell/follow/vmstat.ts).
    if (delay > 0 && (count === null || (rt.terminalColumns && count > 1))) {
      const spec = { kind: "vmstat" as const, delayMs: delay * 1000, nextAtMs: rt.host.now + delay * 1000, left: count === null ? null : count - 1, sinceHeader: 1, noHeaders: args.includes("-n") };
      if (startFollow(rt, "vmstat", spec)) return ok(HEADER + sample(rt, true));
    }
    let out = HEADER;
    // Where the line cannot keep running (`x=$(vmstat 1)`), an endless vmstat stops after ten samples.
    for (let i = 0; i < (count ?? (delay > 0 ? 10 : 1)); i++) {
      if (i > 0) rt.host.advance(delay * 1000);
      out += sample(rt, i === 0);
    }
    return ok(out);
  },
};

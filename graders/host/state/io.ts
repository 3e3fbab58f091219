import { CPU_COUNT } from "./cpu.ts";
import type { Host } from "./host.ts";
import { cpuMs } from "./procs.ts";
import type { Proc } from "./types.ts";

/**
 * The VM's one disk (virtio `vda`, holding / and /boot/efi) and the CPU time
 * split, derived from the process table so iostat, vmstat and the load
 * average tell one story. Processes declare the I/O they ask for
 * (ioReadKbPerSec / ioWriteKbPerSec); the disk delivers at most what a cloud
 * volume does, and past that requests queue: await and aqu-sz climb, %util
 * sits at 100, and the waiting tasks show as iowait.
 */

export const DISK = "vda";
/** A general-purpose cloud volume: 125 MiB/s and 3000 IOPS. */
const MAX_KBPS = 128_000;
const MAX_IOPS = 3_000;

function limits(host: Host): { kbps: number; iops: number } {
  return { kbps: host.state.disk?.maxKbps ?? MAX_KBPS, iops: host.state.disk?.maxIops ?? MAX_IOPS };
}
/** Service time of one request on an idle volume, ms. */
const BASE_AWAIT_MS = 0.6;
/** Background writes (journald, cron, ext4's commit) on an otherwise idle VM. */
const IDLE_WRITE_KBPS = 9;
const IDLE_WRITE_IOPS = 1.4;
/** ...and the odd read that misses the page cache (cron's runs, logins). */
const IDLE_READ_KBPS = 1.4;
const IDLE_READ_IOPS = 0.06;

export interface DiskRates {
  rIops: number;
  rKbps: number;
  wIops: number;
  wKbps: number;
  rAwait: number;
  wAwait: number;
  /** Average queue length (aqu-sz). */
  queue: number;
  /** %util: share of the interval with requests in flight. */
  util: number;
}

function live(p: Proc): boolean {
  return p.state !== "Z" && p.state !== "T";
}

function reqKb(p: Proc): number {
  return Number(p.params?.ioReqKb ?? 128);
}

/** mq-deadline serves realtime before best-effort before idle; "none" is best effort. */
function classRank(p: Proc): number {
  return p.ioClass === "realtime" ? 0 : p.ioClass === "idle" ? 2 : 1;
}

/** Queueing delay for a class that sees `load` (its demand plus that of higher classes, as a share of the volume). */
function waitFor(load: number): number {
  const busy = Math.min(load, 0.98);
  return BASE_AWAIT_MS / (1 - busy) + (load > 1 ? (load - 1) * 180 : 0);
}

interface ClassService {
  /** Share of each class's demand the volume serves (1 = all of it). */
  served: [number, number, number];
  /** Await of each class's requests, ms. */
  wait: [number, number, number];
  demand: number;
}

/**
 * How the volume divides itself: each class in turn gets what the classes
 * above it left. Idle-class requests only run when nothing else waits, so
 * they absorb the backlog while best-effort ones see an almost idle disk.
 */
function service(host: Host): ClassService {
  const max = limits(host);
  const load = [0, (IDLE_READ_KBPS + IDLE_WRITE_KBPS) / max.kbps, 0];
  for (const p of Object.values(host.state.procs)) {
    if (!live(p)) continue;
    const r = p.ioReadKbPerSec ?? 0;
    const w = p.ioWriteKbPerSec ?? 0;
    if (r + w === 0) continue;
    const rank = classRank(p);
    load[rank] = (load[rank] ?? 0) + Math.max((r + w) / max.kbps, (r + w) / reqKb(p) / max.iops);
  }
  let left = 1;
  let above = 0;
  const served: [number, number, number] = [1, 1, 1];
  const wait: [number, number, number] = [0, 0, 0];
  for (let c = 0; c < 3; c++) {
    const d = load[c] ?? 0;
    served[c] = d > 0 ? Math.min(1, left / d) : 1;
    above += d;
    // Idle requests also wait behind everyone's backlog; the others only behind their own and higher classes.
    wait[c] = waitFor(above);
    left = Math.max(0, left - d);
  }
  return { served, wait, demand: above };
}

/** KiB/s the disk actually delivers to this process (what it asked for, cut to its class's share). */
export function deliveredKbps(host: Host, p: Proc): { read: number; write: number } {
  const s = service(host).served[classRank(p)] ?? 1;
  return { read: (p.ioReadKbPerSec ?? 0) * s, write: (p.ioWriteKbPerSec ?? 0) * s };
}

/** How long one of this process's requests waits, ms: the latency its reads see right now. */
export function awaitFor(host: Host, p: Proc): number {
  return service(host).wait[classRank(p)] ?? BASE_AWAIT_MS;
}

/** What the disk does right now. */
export function diskRates(host: Host): DiskRates {
  const svc = service(host);
  // The background traffic is best effort like everything not ioniced.
  const bg = svc.served[1];
  let rKb = IDLE_READ_KBPS * bg;
  let wKb = IDLE_WRITE_KBPS * bg;
  let rIo = IDLE_READ_IOPS * bg;
  let wIo = IDLE_WRITE_IOPS * bg;
  let rWait = (IDLE_READ_IOPS * svc.wait[1]);
  let wWait = (IDLE_WRITE_IOPS * svc.wait[1]);
  for (const p of Object.values(host.state.procs)) {
    if (!live(p)) continue;
    const c = classRank(p);
    const s = svc.served[c] ?? 1;
    const r = (p.ioReadKbPerSec ?? 0) * s;
    const w = (p.ioWriteKbPerSec ?? 0) * s;
    rKb += r;
    wKb += w;
    rIo += r / reqKb(p);
    wIo += w / reqKb(p);
    rWait += (r / reqKb(p)) * (svc.wait[c] ?? 0);
    wWait += (w / reqKb(p)) * (svc.wait[c] ?? 0);
  }
  const rAwait = rIo > 0 ? rWait / rIo : 0;
  const wAwait = wIo > 0 ? wWait / wIo : 0;
  return {
    rIops: rIo, rKbps: rKb, wIops: wIo, wKbps: wKb, rAwait, wAwait,
    queue: (rIo * rAwait + wIo * wAwait) / 1000,
    util: Math.min(100, svc.demand * 100),
  };
}

/** Requests and KiB since boot: the idle background over the uptime plus what each running process has done. */
export function diskTotals(host: Host): { reads: number; readKb: number; writes: number; writeKb: number } {
  const up = (host.now - host.state.clock.bootMs) / 1000;
  // Boot reads the root filesystem's working set once; the seed varies it a little.
  const bootReadKb = 180_000 + (host.state.seed % 40) * 1_000;
  let readKb = bootReadKb + IDLE_READ_KBPS * up;
  let reads = bootReadKb / 22 + IDLE_READ_IOPS * up;
  let writeKb = IDLE_WRITE_KBPS * up;
  let writes = IDLE_WRITE_IOPS * up;
  for (const p of Object.values(host.state.procs)) {
    if (!live(p)) continue;
    const age = Math.max(0, host.now - p.startMs) / 1000;
    readKb += (p.ioReadKbPerSec ?? 0) * age;
    writeKb += (p.ioWriteKbPerSec ?? 0) * age;
    reads += ((p.ioReadKbPerSec ?? 0) * age) / reqKb(p);
    writes += ((p.ioWriteKbPerSec ?? 0) * age) / reqKb(p);
  }
  return { reads: Math.round(reads), readKb: Math.round(readKb), writes: Math.round(writes), writeKb: Math.round(writeKb) };
}

export interface CpuSplit {
  user: number;
  nice: number;
  system: number;
  iowait: number;
  steal: number;
  idle: number;
}

/**
 * Percentages of all CPUs right now. Tasks in uninterruptible sleep (D) use
 * no CPU, but an idle CPU with I/O outstanding counts as iowait, not idle.
 */
export function cpuSplit(host: Host): CpuSplit {
  const procs = Object.values(host.state.procs).filter(live);
  const busy = Math.min(100, (procs.reduce((n, p) => n + (p.state === "D" ? 0 : p.cpuShare), 0) * 100) / CPU_COUNT);
  const niced = Math.min(busy, (procs.reduce((n, p) => n + (p.nice > 0 && p.state !== "D" ? p.cpuShare : 0), 0) * 100) / CPU_COUNT);
  const user = (busy - niced) * 0.9;
  const system = busy * 0.1;
  const blocked = procs.filter((p) => p.state === "D").length;
  const iowait = Math.min(100 - busy, blocked * (100 / CPU_COUNT) * Math.min(1, diskRates(host).util / 100 + 0.2));
  return { user, nice: niced * 0.9, system, iowait, steal: 0, idle: Math.max(0, 100 - busy - iowait) };
}

/** Averages since boot, as the first report of iostat and vmstat shows them: CPU time the processes consumed over the uptime. */
export function cpuSplitSinceBoot(host: Host): CpuSplit {
  const upMs = Math.max(1, host.now - host.state.clock.bootMs);
  const used = Object.values(host.state.procs).reduce((n, p) => n + cpuMs(p, host.now), 0);
  const busy = Math.min(100, (used * 100) / (upMs * CPU_COUNT));
  const blockedMs = Object.values(host.state.procs).reduce((n, p) => n + (p.state === "D" ? host.now - p.startMs : 0), 0);
  const iowait = Math.min(100 - busy, 0.02 + (blockedMs * 100) / (upMs * CPU_COUNT) * 0.7);
  return { user: busy * 0.9, nice: 0.01, system: busy * 0.1, iowait, steal: 0, idle: Math.max(0, 100 - busy - iowait - 0.01) };
}

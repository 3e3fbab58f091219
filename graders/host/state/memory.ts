import type { Host } from "./host.ts";
import { rssKb } from "./procs.ts";
import { mountUsage } from "./usage.ts";

/**
 * System memory derived from the process table and tmpfs usage, in KiB, so
 * /proc/meminfo, free, top and ps %MEM always agree. A 2 GiB cloud VM
 * without swap, as Debian's cloud images ship.
 */
export const MEM_TOTAL_KB = 2_014_256;

/** Kernel, slab and page tables: memory in use that no process's RSS shows. */
export const KERNEL_KB = 180_000;
export const BUFFERS_KB = 40_212;
const PAGE_CACHE_KB = 580_340;
export const SRECLAIMABLE_KB = 32_000;

export interface MemInfo {
  total: number;
  free: number;
  available: number;
  buffers: number;
  cached: number;
  shared: number;
  sReclaimable: number;
  swapTotal: number;
  swapFree: number;
}

export function memInfo(host: Host): MemInfo {
  const procs = Object.values(host.state.procs).reduce((n, p) => n + rssKb(p, host.now), 0);
  // tmpfs pages are page cache that cannot be dropped: they count as Shmem and lower MemAvailable.
  const shared = host.state.fs.mounts
    .filter((m) => m.fstype === "tmpfs")
    .reduce((n, m) => n + (mountUsage(host.state.fs, m).usedBlocks * m.blockSize) / 1024, 0);
  const cachedWant = PAGE_CACHE_KB + shared;
  // Under memory pressure the kernel drops page cache first; it never goes below what tmpfs pins.
  const room = Math.max(0, MEM_TOTAL_KB - KERNEL_KB - procs - BUFFERS_KB - SRECLAIMABLE_KB);
  const cached = Math.min(cachedWant, Math.max(shared, room - 60_000));
  const free = Math.max(0, room - cached);
  const available = Math.max(0, free + cached - shared + BUFFERS_KB + SRECLAIMABLE_KB - 70_000);
  return { total: MEM_TOTAL_KB, free, available, buffers: BUFFERS_KB, cached, shared, sReclaimable: SRECLAIMABLE_KB, swapTotal: 0, swapFree: 0 };
}

import type { Host } from "./host.ts";
import { BUFFERS_KB, KERNEL_KB, MEM_TOTAL_KB, memInfo, SRECLAIMABLE_KB } from "./memory.ts";
import { exitProc, rssKb, vszKb } from "./procs.ts";
import type { Proc } from "./types.ts";
import { onMainProcessExit } from "../services/systemd.ts";

/**
 * The kernel's OOM killer (mm/oom_kill.c in Linux 6.1). Process memory is a
 * function of the clock, so after every clock step the host asks whether
 * anonymous memory still fits; when it does not, the process with the highest
 * badness dies by SIGKILL and the kernel's report lands in the journal exactly
 * as dmesg and `journalctl -k` show it on Debian 12.
 */

const PAGE_KB = 4;
/** What the VM's 2 GiB look like to the kernel: "524150 pages RAM" (2096600K in the boot log). */
const TOTAL_PAGES = 524_150;
const RESERVED_PAGES = 38_813;
/** Below the min watermark nothing can be reclaimed any more: page cache is already down to what tmpfs pins. */
const MIN_FREE_KB = 8_192;

export function isKernelThread(p: Proc): boolean {
  return p.pid === 2 || p.ppid === 2;
}

/** oom_unkillable_task(): init and kernel threads; zombies have no mm left to free. */
function unkillable(p: Proc): boolean {
  return p.pid === 1 || isKernelThread(p) || p.state === "Z";
}

export function oomScoreAdj(p: Proc): number {
  return p.oomScoreAdj ?? 0;
}

/** mm_pgtables_bytes(): one 4 KiB page table page per 2 MiB mapped, plus the upper levels of a sparse address space. */
export function pgtablesBytes(p: Proc, nowMs: number): number {
  if (isKernelThread(p) || p.state === "Z") return 0;
  return 4096 * (Math.ceil(rssKb(p, nowMs) / 2048) + 2 * Math.ceil(vszKb(p, nowMs) / 1_048_576) + 6);
}

/**
 * oom_badness(): resident pages plus page tables, and oom_score_adj as
 * thousandths of all memory (totalram + swap). null means never chosen.
 */
export function badness(p: Proc, nowMs: number): number | null {
  const adj = oomScoreAdj(p);
  if (unkillable(p) || adj === -1000) return null;
  const points = rssKb(p, nowMs) / PAGE_KB + pgtablesBytes(p, nowMs) / 4096;
  return Math.floor(points + adj * Math.floor(TOTAL_PAGES / 1000));
}

/** /proc/PID/oom_score: badness scaled into [0, 2000] and then by 2/3, which is why ordinary processes read 666-670. */
export function oomScore(p: Proc, nowMs: number): number {
  const b = badness(p, nowMs);
  if (b === null) return 0;
  return Math.max(0, Math.trunc(((1000 + Math.trunc((b * 1000) / TOTAL_PAGES)) * 2) / 3));
}

/** Memory processes may hold before reclaim runs dry: the kernel's own, buffers, slab and tmpfs stay put. */
export function anonLimitKb(host: Host, shmemKb = memInfo(host).shared): number {
  return MEM_TOTAL_KB - KERNEL_KB - BUFFERS_KB - SRECLAIMABLE_KB - shmemKb - MIN_FREE_KB;
}

function totalRssKb(host: Host): number {
  let total = 0;
  for (const p of Object.values(host.state.procs)) total += rssKb(p, host.now);
  return total;
}

/** Called after every clock step: kill until anonymous memory fits again. */
export function runOomKiller(host: Host): void {
  for (let kills = 0; kills < 8; kills++) {
    const used = totalRssKb(host);
    // Counting tmpfs walks the inode table, so only do it once memory is close to running out.
    if (used <= anonLimitKb(host, 0) - 256_000) return;
    if (used <= anonLimitKb(host, memInfo(host).shared)) return;
    if (!killOne(host)) return;
  }
}

function chooseVictim(host: Host): Proc | null {
  let best: Proc | null = null;
  let bestScore = -Infinity;
  for (const p of Object.values(host.state.procs)) {
    const b = badness(p, host.now);
    if (b === null) continue;
    // select_bad_process() lets a later task with equal points replace the chosen one.
    if (b >= bestScore) {
      best = p;
      bestScore = b;
    }
  }
  return best;
}

/** The task whose page fault found no memory: whoever is allocating fastest right now. */
function allocator(host: Host, victim: Proc): Proc {
  let who = victim;
  for (const p of Object.values(host.state.procs)) {
    if (unkillable(p)) continue;
    const growing = p.rssCapKb === undefined || rssKb(p, host.now) < p.rssCapKb;
    if (growing && p.rssGrowKbPerSec > (who.rssGrowKbPerSec || 0)) who = p;
  }
  return who;
}

/** The cgroup the task lives in, as memcg paths print (task_memcg=). */
export function cgroupOf(p: Proc): string {
  if (p.unit) return `/system.slice/${p.unit}`;
  const cg = p.params?.cgroup;
  return typeof cg === "string" ? cg : "/system.slice";
}

function killOne(host: Host): boolean {
  const victim = chooseVictim(host);
  if (!victim) return false;
  const now = host.now;
  const lines = report(host, victim, allocator(host, victim));
  // The clock moves in whole steps; the allocation that failed happened somewhere inside the last one.
  const at = now - ((victim.pid * 7919 + Math.floor(now / 1000)) % 997);
  for (const [priority, message] of lines) host.log({ tsMs: at, ident: "kernel", pid: null, unit: null, priority, message });
  const unit = victim.unit ? host.state.units[victim.unit] : undefined;
  const anon = rssKb(victim, now);
  exitProc(host.state, victim);
  host.log({ tsMs: at + 1, ident: "kernel", pid: null, unit: null, priority: 6, message: `oom_reaper: reaped process ${victim.pid} (${victim.comm}), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB` });
  if (unit && unit.mainPid === victim.pid) {
    // systemd learns of it from the cgroup's memory.events before it reaps the main process.
    host.log({ ident: "systemd", pid: 1, unit: unit.name, priority: 4, message: `${unit.name}: A process of this unit has been killed by the OOM killer.` });
    onMainProcessExit(host, victim, 9, 0, "oom-kill");
  }
  return anon > 0;
}

type Line = [number, string];

function report(host: Host, victim: Proc, invoker: Proc): Line[] {
  const now = host.now;
  const m = memInfo(host);
  const out: Line[] = [];
  const warn = (s: string): number => out.push([4, s]);
  const info = (s: string): number => out.push([6, s]);
  warn(`${invoker.comm} invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=${oomScoreAdj(invoker)}`);
  warn(`CPU: ${invoker.pid % 2} PID: ${invoker.pid} Comm: ${invoker.comm} Not tainted 6.1.0-27-cloud-amd64 #1  Debian 6.1.115-1`);
  warn("Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.16.2-debian-1.16.2-1 04/01/2014");
  for (const frame of CALL_TRACE) warn(frame);
  const procs = Object.values(host.state.procs).filter((p) => !unkillable(p)).sort((a, b) => a.pid - b.pid);
  const anonPages = Math.round(procs.reduce((n, p) => n + rssKb(p, now), 0) / PAGE_KB);
  const ptPages = Math.round(procs.reduce((n, p) => n + pgtablesBytes(p, now), 0) / 4096);
  const filePages = Math.round(m.cached / PAGE_KB);
  const freePages = Math.round(m.free / PAGE_KB);
  const shmemPages = Math.round(m.shared / PAGE_KB);
  info("Mem-Info:");
  info(`active_anon:${Math.round(anonPages * 0.02)} inactive_anon:${anonPages - Math.round(anonPages * 0.02)} isolated_anon:0`);
  info(` active_file:${Math.round(filePages * 0.3)} inactive_file:${filePages - Math.round(filePages * 0.3)} isolated_file:0`);
  info(" unevictable:0 dirty:0 writeback:0");
  info(` slab_reclaimable:${SRECLAIMABLE_KB / PAGE_KB} slab_unreclaimable:${Math.round(KERNEL_KB / PAGE_KB / 6)}`);
  info(` mapped:${Math.round(filePages * 0.6)} shmem:${shmemPages} pagetables:${ptPages}`);
  info(" sec_pagetables:0 bounce:0");
  info(" kernel_misc_reclaimable:0");
  info(` free:${freePages} free_pcp:${60 + (victim.pid % 90)} free_cma:0`);
  info(`Node 0 active_anon:${Math.round(anonPages * 0.02) * 4}kB inactive_anon:${(anonPages - Math.round(anonPages * 0.02)) * 4}kB active_file:${Math.round(filePages * 0.3) * 4}kB inactive_file:${(filePages - Math.round(filePages * 0.3)) * 4}kB unevictable:0kB isolated(anon):0kB isolated(file):0kB mapped:${Math.round(filePages * 0.6) * 4}kB dirty:0kB writeback:0kB shmem:${shmemPages * 4}kB shmem_thp: 0kB shmem_pmdmapped: 0kB anon_thp: 0kB writeback_tmp:0kB kernel_stack:2672kB pagetables:${ptPages * 4}kB sec_pagetables:0kB all_unreclaimable? yes`);
  info(`Node 0 hugepages_total=0 hugepages_free=0 hugepages_surp=0 hugepages_size=1048576kB`);
  info(`Node 0 hugepages_total=0 hugepages_free=0 hugepages_surp=0 hugepages_size=2048kB`);
  info(`${filePages + shmemPages} total pagecache pages`);
  info("0 pages in swap cache");
  info("Free swap  = 0kB");
  info("Total swap = 0kB");
  info(`${TOTAL_PAGES} pages RAM`);
  info("0 pages HighMem/MovableOnly");
  info(`${RESERVED_PAGES} pages reserved`);
  info("0 pages hwpoisoned");
  info("Tasks state (memory values in pages):");
  info("[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name");
  for (const p of procs) {
    const row = `[${String(p.pid).padStart(7)}] ${String(p.uid).padStart(5)} ${String(p.pid).padStart(5)} ${String(Math.round(vszKb(p, now) / PAGE_KB)).padStart(8)} ${String(Math.round(rssKb(p, now) / PAGE_KB)).padStart(8)} ${String(pgtablesBytes(p, now)).padStart(8)} ${"0".padStart(8)}         ${String(oomScoreAdj(p)).padStart(5)} ${p.comm}`;
    info(row);
  }
  info(`oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=${cgroupOf(victim)},task=${victim.comm},pid=${victim.pid},uid=${victim.uid}`);
  out.push([3, `Out of memory: Killed process ${victim.pid} (${victim.comm}) total-vm:${vszKb(victim, now)}kB, anon-rss:${rssKb(victim, now)}kB, file-rss:${fileRssKb(victim)}kB, shmem-rss:0kB, UID:${victim.uid} pgtables:${pgtablesBytes(victim, now) >> 10}kB oom_score_adj:${oomScoreAdj(victim)}`]);
  return out;
}

/** Mapped executable and library pages: a few MB for any dynamically linked program. */
function fileRssKb(p: Proc): number {
  return 2_048 + ((p.pid * 37) % 1024) * 4;
}

/** The allocation path of an anonymous page fault that ended in out_of_memory(), as 6.1 prints it. */
const CALL_TRACE = [
  "Call Trace:",
  " <TASK>",
  " dump_stack_lvl+0x44/0x5c",
  " dump_header+0x4a/0x211",
  " oom_kill_process.cold+0xb/0x10",
  " out_of_memory+0x1fd/0x4c0",
  " __alloc_pages_slowpath.constprop.0+0xc8a/0xe10",
  " __alloc_pages+0x305/0x330",
  " __folio_alloc+0x16/0x50",
  " vma_alloc_folio+0x8f/0x350",
  " __handle_mm_fault+0x9cb/0xfa0",
  " handle_mm_fault+0xdb/0x2d0",
  " do_user_addr_fault+0x191/0x570",
  " exc_page_fault+0x70/0x170",
  " asm_exc_page_fault+0x22/0x30",
  "RIP: 0033:0x7f3b2c6a1d2e",
  "Code: Unable to access opcode bytes at 0x7f3b2c6a1d04.",
  "RSP: 002b:00007ffd6c1e0a58 EFLAGS: 00010206",
  " </TASK>",
];

import { cpuMs, threads } from "../../state/procs.ts";
import { hash32 } from "../../state/rng.ts";
import type { Proc } from "../../state/types.ts";
import type { Runtime } from "../../shell/runtime.ts";
import { month, two, weekday } from "../format.ts";

/**
 * What ps derives per process beyond the stored Proc: session and process
 * group ids, scheduling figures, the kernel function a sleeper waits in, and
 * procps's time formats. Everything follows from the process table, so two
 * runs of ps at the same moment agree.
 */

export interface PsView {
  rt: Runtime;
  byPid: Map<number, Proc>;
  /** The job ps runs in: bash puts every pipeline in its own process group, led by its first process. */
  job: Set<number>;
  jobPgid: number;
}

export const isKernel = (p: Proc): boolean => p.argv.length === 0;

/** A row of `ps -L` / `-T`: the process as seen through one of its threads. */
export type ThreadRow = Proc & { tid?: number };
export const tid = (p: Proc): number => (p as ThreadRow).tid ?? p.pid;

/**
 * The threads of a process for -L/-T: the main thread (tid = pid) and the
 * rest with the next ids no process holds, as the kernel hands them out. A
 * pool's workers share its CPU time; the main thread only dispatches.
 */
export function threadRows(p: Proc, v: PsView): ThreadRow[] {
  const n = threads(p);
  if (n === 1) return [p];
  const rows: ThreadRow[] = [{ ...p, tid: p.pid, cpuShare: 0, startCpuMs: 0 }];
  for (let id = p.pid + 1; rows.length < n; id++) {
    if (v.byPid.has(id)) continue;
    rows.push({ ...p, tid: id, cpuShare: p.cpuShare / (n - 1), startCpuMs: p.startCpuMs / (n - 1) });
  }
  return rows;
}
const now = (v: PsView): number => v.rt.host.now;

/** Session id: session leaders ("s" in STAT) start one, everyone else inherits it; kernel threads have 0. */
export function sid(p: Proc, v: PsView): number {
  for (let cur: Proc | undefined = p, hops = 0; cur && hops < 64; cur = v.byPid.get(cur.ppid), hops++) {
    if (isKernel(cur)) return 0;
    if (cur.pid === 1 || (cur.statFlags ?? "").includes("s")) return cur.pid;
  }
  return 0;
}

/** Process group: the job's leader for ps's own pipeline, the leader itself, else the parent's group. */
export function pgid(p: Proc, v: PsView): number {
  for (let cur: Proc | undefined = p, hops = 0; cur && hops < 64; cur = v.byPid.get(cur.ppid), hops++) {
    if (isKernel(cur)) return 0;
    if (v.job.has(cur.pid)) return v.jobPgid;
    if (cur.pid === 1 || (cur.statFlags ?? "").includes("s")) return cur.pid;
  }
  return 0;
}

/** TPGID: the foreground group of the controlling terminal; -1 without one. */
export function tpgid(p: Proc, v: PsView): number {
  if (!p.tty) return -1;
  if (p.tty === "pts/0" && v.job.size) return v.jobPgid;
  return sid(p, v);
}

/** Kernel threads at raised or lowered priority carry it in STAT ("<", "N") rather than in the stored nice. */
export function nice(p: Proc): number | null {
  if (isKernel(p) && /^migration\//.test(p.comm)) return null; // SCHED_FIFO: ps prints "-"
  const flags = p.statFlags ?? "";
  if (p.nice === 0 && isKernel(p)) {
    if (flags.includes("<")) return -20;
    if (flags.includes("N")) return p.comm === "ksmd" ? 5 : 19;
  }
  return p.nice;
}

/** procps `pri`: 19 - nice for normal tasks, 40 + rt priority (99 for migration) for real-time ones. */
export function pri(p: Proc): number {
  const n = nice(p);
  return n === null ? 139 : 19 - n;
}

/** `opri` (PRI of -l): 80 + nice, -40 for the real-time migration threads. */
export function opri(p: Proc): number {
  const n = nice(p);
  return n === null ? -40 : 80 + n;
}

/**
 * F of -l: 1 forked without exec (kernel threads, sshd's session child, which
 * also used root before dropping to the user: 5), 4 used super-user rights.
 */
export function flags(p: Proc): number {
  if (isKernel(p)) return 1;
  if (p.comm === "sshd" && p.uid !== 0) return 5;
  return p.uid === 0 ? 4 : 0;
}

/** The CPU it last ran on: per-CPU kernel threads are pinned (their name ends in /N), others land by pid. */
export function psr(p: Proc): number {
  const m = /\/(\d+)(?::|$)/.exec(String(p.params?.kthread ?? p.comm));
  if (m && isKernel(p)) return Number(m[1]) % 2;
  return hash32(p.pid, "psr") % 2;
}

const KTHREAD_WCHAN: [RegExp, string][] = [
  [/^kthreadd$/, "kthreadd"], [/^kworker\//, "worker_thread"], [/^(ksoftirqd|migration|cpuhp)\//, "smpboot_thread_fn"],
  [/^rcu_preempt$/, "rcu_gp_kthread"], [/^rcu_tasks/, "rcu_tasks_kthread"], [/^kswapd/, "kswapd"], [/^jbd2\//, "kjournald2"],
  [/^khungtaskd$/, "watchdog"], [/^oom_reaper$/, "oom_reaper"], [/^kcompactd/, "kcompactd"], [/^ksmd$/, "ksm_scan_thread"],
  [/^khugepaged$/, "khugepaged"], [/^kauditd$/, "kauditd_thread"], [/^kdevtmpfs$/, "devtmpfs_work_loop"],
];

/** Sleepers by what they do: event loops in epoll, shells waiting for their job, pipes waiting for input. */
const COMM_WCHAN: Record<string, string> = {
  bash: "do_wait", sh: "do_wait", dash: "do_wait", su: "do_wait", sudo: "do_sys_poll", sshd: "do_sys_poll", agetty: "do_select",
  cron: "hrtimer_nanosleep", sleep: "hrtimer_nanosleep", grep: "pipe_read", cat: "pipe_read", awk: "pipe_read", mawk: "pipe_read",
  sort: "pipe_read", head: "pipe_read", tail: "pipe_read", wc: "pipe_read", less: "do_select", cut: "pipe_read", sed: "pipe_read",
};

/** WCHAN: "-" for a running task; otherwise the kernel function it sleeps in (params.wchan when a program says). */
export function wchan(p: Proc, v: PsView): string {
  if (p.state === "R" || p.state === "Z") return "-";
  if (typeof p.params?.wchan === "string") return p.params.wchan;
  if (p.state === "D") return "io_schedule";
  if (p.state === "T") return "do_signal_stop";
  if (isKernel(p)) {
    const name = String(p.params?.kthread ?? p.comm);
    const hit = KTHREAD_WCHAN.find(([re]) => re.test(name));
    if (hit) return hit[1];
    return p.state === "I" ? "rescuer_thread" : "kthread_worker_fn";
  }
  // nginx's master waits for signals; its workers (and most daemons) in their event loop.
  if (p.comm === "nginx" && p.argv[0]?.startsWith("nginx: master")) return "sigsuspend";
  const shellWaiting = ["bash", "sh", "dash", "su"].includes(p.comm) && [...v.byPid.values()].every((c) => c.ppid !== p.pid);
  if (shellWaiting) return "n_tty_read";
  return COMM_WCHAN[p.comm] ?? "do_epoll_wait";
}

/** [DD-]HH:MM:SS of CPU time. */
export function unixTime(p: Proc, nowMs: number): string {
  return dhms(Math.floor(cpuMs(p, nowMs) / 1000), true);
}

/** BSD TIME: M:SS of CPU, minutes unbounded. */
export function bsdTime(p: Proc, nowMs: number): string {
  const s = Math.floor(cpuMs(p, nowMs) / 1000);
  return `${Math.floor(s / 60)}:${two(s % 60)}`;
}

/** ELAPSED: [[DD-]HH:]MM:SS since start. */
export function etime(p: Proc, nowMs: number): string {
  return dhms(Math.floor((nowMs - p.startMs) / 1000), false);
}

function dhms(s: number, alwaysHours: boolean): string {
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const mmss = `${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
  if (d) return `${d}-${two(h)}:${mmss}`;
  return h || alwaysHours ? `${two(h)}:${mmss}` : mmss;
}

/** STIME / START (pr_stime): HH:MM on today's date, MonDD earlier this year, else the year. */
export function stime(p: Proc, nowMs: number): string {
  const a = new Date(p.startMs);
  const b = new Date(nowMs);
  if (a.getUTCFullYear() !== b.getUTCFullYear()) return String(a.getUTCFullYear());
  if (Math.floor(p.startMs / 86400_000) !== Math.floor(nowMs / 86400_000)) return `${month(p.startMs)}${two(a.getUTCDate())}`;
  return `${two(a.getUTCHours())}:${two(a.getUTCMinutes())}`;
}

/** `start` (STARTED): HH:MM:SS within the last 24 hours, else "Mon DD". */
export function startLong(p: Proc, nowMs: number): string {
  const a = new Date(p.startMs);
  if (nowMs - p.startMs > 86400_000) return `${month(p.startMs)} ${two(a.getUTCDate())}`;
  return `${two(a.getUTCHours())}:${two(a.getUTCMinutes())}:${two(a.getUTCSeconds())}`;
}

/** `bsdstart`: HH:MM within the last 24 hours, else ctime's "Mon DD" (day padded with a space). */
export function bsdStart(p: Proc, nowMs: number): string {
  const a = new Date(p.startMs);
  if (nowMs - p.startMs > 86400_000) return `${month(p.startMs)} ${String(a.getUTCDate()).padStart(2)}`;
  return `${two(a.getUTCHours())}:${two(a.getUTCMinutes())}`;
}

/** `lstart`: strftime "%a %b %e %H:%M:%S %Y". */
export function lstart(p: Proc): string {
  const a = new Date(p.startMs);
  const time = `${two(a.getUTCHours())}:${two(a.getUTCMinutes())}:${two(a.getUTCSeconds())}`;
  return `${weekday(p.startMs)} ${month(p.startMs)} ${String(a.getUTCDate()).padStart(2)} ${time} ${a.getUTCFullYear()}`;
}

export const elapsedSec = (p: Proc, v: PsView): number => Math.floor((now(v) - p.startMs) / 1000);

import { spawn } from "../procs.ts";
import type { HostState } from "../types.ts";

/**
 * The kernel threads `ps aux` lists on a 2-vCPU Debian 12 cloud VM, children
 * of kthreadd (pid 2), with their BSD states: workqueue rescuers idle at high
 * priority (I<), per-CPU workers and daemons sleeping (S) or idle (I).
 */
const THREADS: [string, string][] = [
  ["rcu_gp", "I<"], ["rcu_par_gp", "I<"], ["slub_flushwq", "I<"], ["netns", "I<"], ["kworker/0:0H-events_highpri", "I<"],
  ["mm_percpu_wq", "I<"], ["rcu_tasks_kthread", "I"], ["rcu_tasks_rude_kthread", "I"], ["rcu_tasks_trace_kthread", "I"],
  ["ksoftirqd/0", "S"], ["rcu_preempt", "I"], ["migration/0", "S"], ["cpuhp/0", "S"], ["cpuhp/1", "S"], ["migration/1", "S"],
  ["ksoftirqd/1", "S"], ["kworker/1:0H-events_highpri", "I<"], ["kdevtmpfs", "S"], ["inet_frag_wq", "I<"], ["kauditd", "S"],
  ["khungtaskd", "S"], ["oom_reaper", "S"], ["writeback", "I<"], ["kcompactd0", "S"], ["ksmd", "SN"], ["khugepaged", "SN"],
  ["kintegrityd", "I<"], ["kblockd", "I<"], ["blkcg_punt_bio", "I<"], ["tpm_dev_wq", "I<"], ["edac-poller", "I<"],
  ["devfreq_wq", "I<"], ["kworker/0:1H-kblockd", "I<"], ["kswapd0", "S"], ["kthrotld", "I<"], ["acpi_thermal_pm", "I<"],
  ["mld", "I<"], ["ipv6_addrconf", "I<"], ["kstrp", "I<"], ["zswap-shrink", "I<"], ["kworker/u5:0", "I<"],
  ["jbd2/vda1-8", "S"], ["ext4-rsv-conver", "I<"], ["kworker/1:1H-kblockd", "I<"], ["kworker/0:2-events", "I"],
  ["kworker/1:2-mm_percpu_wq", "I"], ["kworker/u4:1-events_unbound", "I"],
];

export function spawnKernelThreads(state: HostState, bootMs: number): void {
  const base = { ppid: 2, uid: 0, gid: 0, argv: [], exe: "", env: {}, cwd: "/", tty: null, cpuShare: 0, vszKb: 0, rssKb: 0, rssGrowKbPerSec: 0, nice: 0, limits: { nofile: [1024, 4096] as [number, number], nproc: [7609, 7609] as [number, number] } };
  THREADS.forEach(([name, stat], i) => {
    const proc = spawn(state, { ...base, comm: name.slice(0, 15), state: stat.startsWith("I") ? "I" : "S", statFlags: stat.slice(1), startMs: bootMs + i * 20 });
    // ps prints the full thread name in brackets; comm keeps the kernel's 15 characters.
    proc.params = { kthread: name };
    // Kernel threads come up back to back at boot; only a few short-lived ones leave gaps.
    state.nextPid = proc.pid + (i % 6 === 5 ? 2 : 1);
  });
}

import { maybeFree } from "./fs.ts";
import { randInt } from "./rng.ts";
import type { HostState, Proc } from "./types.ts";

/**
 * Process table operations. CPU time and memory are functions of the
 * simulated clock (start values plus a rate), so `ps` two commands apart shows
 * them moving without any per-tick bookkeeping.
 */

export const SIGNALS: Record<string, number> = {
  HUP: 1, INT: 2, QUIT: 3, KILL: 9, USR1: 10, SEGV: 11, USR2: 12, PIPE: 13, TERM: 15, CONT: 18, STOP: 19,
};

export function signalNumber(spec: string): number | null {
  const s = spec.toUpperCase().replace(/^SIG/, "");
  if (/^[0-9]+$/.test(s)) {
    const n = Number(s);
    return n >= 0 && n <= 64 ? n : null;
  }
  return SIGNALS[s] ?? null;
}

export function cpuMs(proc: Proc, nowMs: number): number {
  if (proc.state === "Z") return proc.startCpuMs;
  return proc.startCpuMs + Math.max(0, nowMs - proc.startMs) * proc.cpuShare;
}

export function rssKb(proc: Proc, nowMs: number): number {
  if (proc.state === "Z") return 0;
  const grown = Math.round(proc.rssKb + (proc.rssGrowKbPerSec * Math.max(0, nowMs - proc.startMs)) / 1000);
  return proc.rssCapKb !== undefined ? Math.min(grown, Math.max(proc.rssKb, proc.rssCapKb)) : grown;
}

export function vszKb(proc: Proc, nowMs: number): number {
  if (proc.state === "Z") return 0;
  return proc.vszKb + (rssKb(proc, nowMs) - proc.rssKb);
}

export type SpawnSpec = Omit<Proc, "pid" | "startMs" | "startCpuMs" | "fds" | "state"> &
  Partial<Pick<Proc, "fds" | "state" | "startCpuMs">> & { startMs?: number };

export function spawn(state: HostState, spec: SpawnSpec): Proc {
  const pid = state.nextPid;
  // The kernel hands out pids upwards with gaps from short-lived processes we do not model.
  state.nextPid += randInt(state, 1, 7);
  const proc: Proc = {
    ...spec,
    pid,
    startMs: spec.startMs ?? state.clock.nowMs,
    startCpuMs: spec.startCpuMs ?? 0,
    fds: spec.fds ?? {},
    state: spec.state ?? "S",
  };
  state.procs[pid] = proc;
  changed(state);
  return proc;
}

export function getProc(state: HostState, pid: number): Proc | undefined {
  return state.procs[pid];
}

/** Close every fd (freeing deleted-but-open inodes) and leave a zombie or nothing. */
export function exitProc(state: HostState, proc: Proc): void {
  const inos = Object.values(proc.fds).flatMap((fd) => (fd.kind === "file" ? [fd.ino] : []));
  proc.startCpuMs = cpuMs(proc, state.clock.nowMs);
  proc.fds = {};
  for (const ino of inos) maybeFree(state, ino);
  const parent = state.procs[proc.ppid];
  // Children of a parent that never calls wait() stay as zombies until the parent dies.
  if (parent && parent.noReap && parent.state !== "Z") {
    proc.state = "Z";
    return;
  }
  delete state.procs[proc.pid];
  for (const child of childrenOf(state, proc.pid)) {
    child.ppid = 1;
    if (child.state === "Z") delete state.procs[child.pid];
  }
  changed(state);
}

/**
 * Children by parent pid, rebuilt only after spawn or exit changed the table
 * (the only two places that add, remove or reparent processes). Programs ask
 * "does it still have children?" every simulated second; with a hundred cron
 * jobs piling up, scanning the table each time dominated the clock's cost.
 * Kept beside the state, not in it: it is derived and never saved.
 */
const generation = new WeakMap<Record<string, Proc>, number>();
const byParent = new WeakMap<Record<string, Proc>, { gen: number; children: Map<number, Proc[]> }>();

/** Bumped by every spawn and exit: lets per-tick figures over the table be computed once per change. */
export function procsGeneration(state: HostState): number {
  return generation.get(state.procs) ?? 0;
}

function changed(state: HostState): void {
  generation.set(state.procs, (generation.get(state.procs) ?? 0) + 1);
}

function parentIndex(state: HostState): Map<number, Proc[]> {
  const gen = generation.get(state.procs) ?? 0;
  const cached = byParent.get(state.procs);
  if (cached && cached.gen === gen) return cached.children;
  const children = new Map<number, Proc[]>();
  for (const p of Object.values(state.procs)) {
    const list = children.get(p.ppid);
    if (list) list.push(p);
    else children.set(p.ppid, [p]);
  }
  byParent.set(state.procs, { gen, children });
  return children;
}

export function childrenOf(state: HostState, pid: number): Proc[] {
  return [...(parentIndex(state).get(pid) ?? [])].sort((a, b) => a.pid - b.pid);
}

/** Whether `pid` has a child. */
export function hasChild(state: HostState, pid: number): boolean {
  return (parentIndex(state).get(pid)?.length ?? 0) > 0;
}

/**
 * Threads: what the program declares (params.threads); a process shown with
 * "l" in STAT has a pool: one per --concurrency/--workers/--threads N plus the
 * main thread, else the main thread and two helpers.
 */
export function threads(p: Proc): number {
  const declared = Number(p.params?.threads);
  if (Number.isInteger(declared) && declared > 0) return declared;
  if (!(p.statFlags ?? "").includes("l")) return 1;
  const i = p.argv.findIndex((a) => /^--(concurrency|workers|threads)$/.test(a));
  const n = i >= 0 ? Number(p.argv[i + 1]) : NaN;
  return Number.isInteger(n) && n > 0 ? n + 1 : 3;
}

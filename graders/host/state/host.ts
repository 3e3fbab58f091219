import { SysError } from "./errors.ts";
import type { Cred } from "./fs.ts";
import { exitProc } from "./procs.ts";
import type { HostState, JournalEntry, Proc } from "./types.ts";
import { programFor } from "../programs/registry.ts";
import { onMainProcessExit, runDueRestarts } from "../services/systemd.ts";
import { runOomKiller } from "./oom.ts";
import { foldLoad } from "./load.ts";

/**
 * The live host: the serialisable state plus the operations that must keep
 * several parts of it consistent (the clock driving programs, signals driving
 * systemd). Commands get a Host; saving a session is `host.serialize()`.
 */
export class Host {
  state: HostState;

  constructor(state: HostState) {
    this.state = state;
  }

  static restore(json: string): Host {
    const state = JSON.parse(json) as HostState;
    if (state.version !== 1) throw new Error(`unsupported host state version ${String(state.version)}`);
    return new Host(state);
  }

  serialize(): string {
    return JSON.stringify(this.state);
  }

  get now(): number {
    return this.state.clock.nowMs;
  }

  /**
   * Move the clock forward in steps of at most one second so that programs see
   * time pass at the rate they expect (log growth, leaks) and systemd's
   * restart timers fire at the right moment.
   */
  advance(ms: number): void {
    let left = ms;
    while (left > 0) {
      const step = Math.min(1000, left);
      const from = this.state.clock.nowMs;
      this.state.clock.nowMs += step;
      left -= step;
      for (const proc of Object.values(this.state.procs)) {
        if (proc.state === "Z" || proc.state === "T" || !proc.program) continue;
        programFor(proc.program).tick?.(this, proc, from, this.state.clock.nowMs);
      }
      runDueRestarts(this);
      runOomKiller(this);
      // The kernel samples runnable tasks as time passes; the averages decay after they end.
      foldLoad(this, from, this.state.clock.nowMs);
    }
  }

  log(entry: Omit<JournalEntry, "tsMs"> & { tsMs?: number }): void {
    const e: JournalEntry = { ...entry, tsMs: entry.tsMs ?? this.now };
    const journal = this.state.journal;
    // The journal stays in time order even when a scenario writes history after the fact.
    let at = journal.length;
    while (at > 0 && (journal[at - 1]?.tsMs ?? 0) > e.tsMs) at--;
    journal.splice(at, 0, e);
    // Keep the state small: the journal is a ring like journald's size cap.
    if (this.state.journal.length > 2000) this.state.journal.splice(0, this.state.journal.length - 2000);
  }

  /**
   * kill(2) semantics: EPERM unless root or same uid, ESRCH for no such pid,
   * zombies ignore everything, signal 0 only checks.
   */
  signal(pid: number, sig: number, cred: Cred): void {
    const proc = this.state.procs[pid];
    if (!proc) throw new SysError("ESRCH", String(pid));
    if (cred.uid !== 0 && cred.uid !== proc.uid) throw new SysError("EPERM", String(pid));
    if (sig === 0 || proc.state === "Z") return;
    // The kernel never delivers SIGKILL or SIGSTOP to init.
    if (proc.pid === 1 && (sig === 9 || sig === 19)) return;
    if (sig === 19) {
      proc.state = "T";
      return;
    }
    if (sig === 18) {
      if (proc.state === "T") proc.state = "S";
      return;
    }
    // SIGKILL cannot be caught; others may be handled by the program (e.g. HUP = reopen logs).
    if (sig !== 9 && proc.program && programFor(proc.program).onSignal?.(this, proc, sig)) return;
    this.terminate(proc, sig);
  }

  /** A process dies from `sig` (or exits with `code` when sig is 0). */
  terminate(proc: Proc, sig: number, code = 0): void {
    exitProc(this.state, proc);
    if (proc.unit) onMainProcessExit(this, proc, sig, code);
  }
}

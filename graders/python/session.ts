/**
 * One submission's Python interpreter: a pooled isolate (booted from the
 * snapshot, never used before) that loads the candidate's module, then runs
 * one call per test, and is disposed afterwards. Limits are enforced exactly
 * as for JavaScript (graders/sandbox/session.ts):
 *
 * - CPU: the isolate's CPU clock is polled while candidate code runs; past
 *   the budget (all tests together) the isolate is disposed: time_limit.
 *   Disposal stops wasm too, `except BaseException` loops included.
 * - Wall: a watchdog disposes the isolate after wallMs: time_limit.
 * - Memory: MemoryError in Python (the wasm memory cap) or isolated-vm's heap
 *   limit: memory_limit.
 * - Output: print/stdout/stderr bytes counted inside the isolate: output_limit.
 *
 * Only JSON text crosses, and everything coming back is validated here: the
 * isolate's JS realm is reachable from Python, so its answers are untrusted.
 */
import type ivm from "isolated-vm";
import type { GradingLimits } from "../limits.ts";
import { MAX_RESULT_BYTES } from "../limits.ts";
import type { CallOutcome, LimitVerdict, StartOutcome } from "../sandbox/session.ts";
import { chargedCpuNs, processCpuNs } from "../sandbox/cpu-clock.ts";
import { Stopped } from "../sandbox/stopped.ts";
import type { PythonIsolate } from "./boot.ts";

const POLL_MS = 4;
/** How long a disposed isolate's pending call may take to settle before the thread is deemed runaway. */
const RUNAWAY_GRACE_MS = 2_000;

/**
 * False once an isolate kept running after disposal (isolated-vm 7.0.1 on
 * Node 24 was seen to: `Array.from({length: 1e9})`, `new Array(n)` in a JS
 * loop). Its thread may go on using CPU and memory; only ending the process
 * stops it, so a grader worker should exit (and be replaced) when this is
 * false after a job. The submission still gets its limit verdict.
 */
let processHealthy = true;
export function isPythonProcessHealthy(): boolean {
  return processHealthy;
}

type PyResult =
  | { k: "ready" }
  | { k: "compile"; message: string; line?: number; col?: number }
  | { k: "error"; name: string; message: string; stack: string; line?: number; col?: number }
  | { k: "ok"; v: unknown }
  | { k: "memory" | "output" | "result" }
  | { k: "fatal"; message: string };

interface Envelope {
  out: string;
  mem: number;
  r: PyResult;
}


export type PythonStartOutcome = StartOutcome | { kind: "compile"; message: string; line?: number; column?: number };

export class PythonSession {
  private readonly py: PythonIsolate;
  private readonly limits: GradingLimits;
  private cpuBase = 0n;
  private lastCpu = 0n;
  /** Worker process CPU at start (see graders/sandbox/cpu-clock.ts). */
  private procBase = 0n;
  private stop: Stopped | null = null;
  private poll: ReturnType<typeof setInterval> | null = null;
  private watchdog: ReturnType<typeof setTimeout> | null = null;
  private runawayTimer: ReturnType<typeof setTimeout> | null = null;
  private runaway: (() => void) | null = null;
  private peakMemory = 0;
  private dead = false;

  constructor(py: PythonIsolate, limits: GradingLimits) {
    this.py = py;
    this.limits = limits;
  }

  private get isolate(): ivm.Isolate {
    return this.py.isolate;
  }

  /** Compiles and runs the candidate's module under the limits. */
  async start(source: string, entry: string): Promise<PythonStartOutcome> {
    this.cpuBase = this.isolate.cpuTime;
    this.lastCpu = this.cpuBase;
    this.procBase = processCpuNs();
    this.watchdog = setTimeout(
      () => this.halt(new Stopped("time_limit", `Wall time limit of ${this.limits.wallMs} ms exceeded`)),
      this.limits.wallMs,
    );
    const before = this.lastCpu;
    let env: Envelope;
    try {
      env = await this.invoke(this.py.load, [source, entry, this.limits.outputKb * 1024]);
    } catch (e) {
      if (e instanceof Stopped) return { kind: "limit", verdict: e.verdict, message: e.message, stdout: "", timeMs: this.msSince(before) };
      throw e;
    }
    const timeMs = this.msSince(before);
    const r = env.r;
    switch (r.k) {
      case "ready":
        return { kind: "ready" };
      case "compile":
        return { kind: "compile", message: r.message, ...position(r.line, r.col) };
      default: {
        const o = this.toOutcome(env, timeMs);
        return o.kind === "ok" ? { kind: "error", message: "Unexpected harness answer", stack: "", stdout: o.stdout, timeMs } : o;
      }
    }
  }

  /** Calls the entry function with JSON-encoded arguments. */
  async call(argsJson: string): Promise<CallOutcome> {
    const before = this.currentCpu();
    if (this.stop) return { kind: "limit", verdict: this.stop.verdict, message: this.stop.message, stdout: "", timeMs: 0 };
    try {
      const env = await this.invoke(this.py.run, [argsJson]);
      return this.toOutcome(env, this.msSince(before));
    } catch (e) {
      if (e instanceof Stopped) return { kind: "limit", verdict: e.verdict, message: e.message, stdout: "", timeMs: this.msSince(before) };
      throw e;
    }
  }

  /** True once the interpreter crashed: later calls cannot run. */
  isDead(): boolean {
    return this.dead || this.stop !== null;
  }

  cpuTimeMs(): number {
    return Number(this.currentCpu() - this.cpuBase) / 1e6;
  }

  /** Peak growth of the interpreter's linear memory above its restored size, in bytes (64 KiB pages). */
  memoryBytes(): number {
    return this.peakMemory;
  }

  dispose(): void {
    this.clearTimers();
    if (this.runawayTimer) clearTimeout(this.runawayTimer);
    this.runawayTimer = null;
    this.py.load.release();
    this.py.run.release();
    if (!this.isolate.isDisposed) {
      this.lastCpu = this.isolate.cpuTime;
      this.isolate.dispose();
    }
  }

  private toOutcome(env: Envelope, timeMs: number): Exclude<StartOutcome, { kind: "ready" } | { kind: "compile" }> | Extract<CallOutcome, { kind: "ok" }> {
    const stdout = env.out;
    const r = env.r;
    const limit = (verdict: LimitVerdict, message: string): CallOutcome => ({ kind: "limit", verdict, message, stdout, timeMs });
    switch (r.k) {
      case "ok":
        return { kind: "ok", value: r.v, isUndefined: false, stdout, timeMs };
      case "error":
        return { kind: "error", message: r.message, stack: r.stack, ...position(r.line, r.col), stdout, timeMs };
      case "memory":
        return limit("memory_limit", `Memory limit of ${this.limits.memoryMb} MB exceeded (MemoryError)`);
      case "output":
        return limit("output_limit", `Output exceeded ${this.limits.outputKb} KB`);
      case "result":
        return limit("output_limit", `Return value exceeded ${MAX_RESULT_BYTES / (1024 * 1024)} MB of JSON`);
      case "fatal": {
        this.dead = true;
        // Out of memory so thoroughly that the harness could not even encode the MemoryError: still the memory limit.
        if (/\bMemoryError\b/.test(r.message)) return limit("memory_limit", `Memory limit of ${this.limits.memoryMb} MB exceeded (MemoryError)`);
        // A Python stack deep enough to overflow the engine's native stack (a raised recursion limit) ends the interpreter.
        const message = /call stack size/i.test(r.message)
          ? "RecursionError: maximum recursion depth exceeded (the interpreter's stack overflowed)"
          : `Python interpreter stopped: ${r.message}`;
        return { kind: "error", message, stack: message, stdout, timeMs };
      }
      default:
        this.dead = true;
        return { kind: "error", message: "Malformed answer from the Python harness", stack: "", stdout, timeMs };
    }
  }

  /** Calls a harness function with the CPU poll running; validates the envelope it returns. */
  private async invoke(fn: ivm.Reference, args: (string | number)[]): Promise<Envelope> {
    if (this.stop) throw this.stop;
    this.poll ??= setInterval(() => this.checkCpu(), POLL_MS);
    let text: unknown;
    try {
      // A disposed isolate's call normally rejects at once; if it never does, stop waiting (see isPythonProcessHealthy).
      const stuck = new Promise<never>((_, reject) => {
        this.runaway = () => reject(new Error("isolate kept running after disposal"));
      });
      text = await Promise.race([fn.apply(undefined, args, { result: { copy: true } }), stuck]);
    } catch (e) {
      if (this.stop) throw this.stop;
      const message = (e as Error).message ?? "";
      if (message.includes("memory limit")) {
        this.halt(new Stopped("memory_limit", `Memory limit of ${this.limits.memoryMb} MB exceeded`));
        throw this.stop;
      }
      throw e;
    } finally {
      this.runaway = null;
      if (this.runawayTimer) clearTimeout(this.runawayTimer);
      this.runawayTimer = null;
      this.checkCpu();
    }
    const env = parseEnvelope(text, this.limits.outputKb * 1024);
    if (Number.isFinite(env.mem) && env.mem > 0) this.peakMemory = Math.max(this.peakMemory, env.mem);
    return env;
  }

  private checkCpu(): void {
    if (this.isolate.isDisposed) {
      // Disposed by isolated-vm itself (its heap limit) while a call is pending.
      if (!this.stop && this.runaway) this.halt(new Stopped("memory_limit", `Memory limit of ${this.limits.memoryMb} MB exceeded`));
      return;
    }
    if (this.currentCpu() - this.cpuBase > BigInt(this.limits.cpuMs) * 1_000_000n) {
      this.halt(new Stopped("time_limit", `CPU time limit of ${this.limits.cpuMs} ms exceeded`));
    }
  }

  private halt(reason: Stopped): void {
    this.stop ??= reason;
    this.clearTimers();
    if (!this.isolate.isDisposed) {
      this.lastCpu = this.isolate.cpuTime;
      this.isolate.dispose();
    }
    if (this.runaway && !this.runawayTimer) {
      this.runawayTimer = setTimeout(() => {
        processHealthy = false;
        this.runaway?.();
      }, RUNAWAY_GRACE_MS);
    }
  }

  private clearTimers(): void {
    if (this.poll) clearInterval(this.poll);
    if (this.watchdog) clearTimeout(this.watchdog);
    this.poll = null;
    this.watchdog = null;
  }

  /** cpuBase plus the CPU charged so far (the smaller of isolate and process time, see cpu-clock.ts). */
  private currentCpu(): bigint {
    if (!this.isolate.isDisposed) this.lastCpu = this.isolate.cpuTime;
    return this.cpuBase + chargedCpuNs(this.lastCpu, this.cpuBase, this.procBase);
  }

  private msSince(before: bigint): number {
    return Math.round(Number(this.currentCpu() - before) / 1e4) / 100;
  }
}

function position(line: unknown, col: unknown): { line?: number; column?: number } {
  if (typeof line !== "number" || !Number.isInteger(line) || line < 1) return {};
  return typeof col === "number" && Number.isInteger(col) && col >= 1 ? { line, column: col } : { line };
}

const MALFORMED: Envelope = { out: "", mem: 0, r: { k: "fatal", message: "malformed answer from the Python harness" } };

/** Untrusted text from the isolate → a well-typed envelope (or a fatal one). */
function parseEnvelope(text: unknown, outputBytes: number): Envelope {
  // Stdout is at most outputBytes (≤ 6 JSON chars per byte when escaped) plus the result.
  if (typeof text !== "string" || text.length > MAX_RESULT_BYTES + 6 * outputBytes + 4096) return MALFORMED;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return MALFORMED;
  }
  if (!isRecord(v) || typeof v.out !== "string" || typeof v.mem !== "number" || !isRecord(v.r)) return MALFORMED;
  const r = v.r;
  const str = (x: unknown): x is string => typeof x === "string";
  switch (r.k) {
    case "ready":
    case "memory":
    case "output":
    case "result":
      return { out: v.out, mem: v.mem, r: { k: r.k } };
    case "ok":
      return Object.hasOwn(r, "v") ? { out: v.out, mem: v.mem, r: { k: "ok", v: r.v } } : MALFORMED;
    case "compile":
      if (!str(r.message)) return MALFORMED;
      return { out: v.out, mem: v.mem, r: { k: "compile", message: r.message, ...numbers(r) } };
    case "error":
      if (!str(r.message) || !str(r.stack) || !str(r.name)) return MALFORMED;
      return { out: v.out, mem: v.mem, r: { k: "error", name: r.name, message: r.message, stack: r.stack, ...numbers(r) } };
    case "fatal":
      return { out: v.out, mem: v.mem, r: { k: "fatal", message: str(r.message) ? r.message : "unknown" } };
    default:
      return MALFORMED;
  }
}

function numbers(r: Record<string, unknown>): { line?: number; col?: number } {
  const out: { line?: number; col?: number } = {};
  if (typeof r.line === "number") out.line = r.line;
  if (typeof r.col === "number") out.col = r.col;
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}


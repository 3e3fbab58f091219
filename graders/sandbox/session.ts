/**
 * One submission's isolate: created fresh, runs the prelude and the
 * candidate's module, then one call per test, and is disposed afterwards.
 *
 * Limits:
 * - CPU: polled while candidate code runs; past the budget the isolate is
 *   disposed (time_limit). isolated-vm's isolate.cpuTime advances with wall
 *   time while code runs, so on a loaded machine it overstates; this worker
 *   process runs one isolate at a time, so its own CPU time (process.cpuUsage)
 *   is an upper bound too, and the smaller of the two is charged. Load on the
 *   machine does not count against the candidate.
 * - Wall: a watchdog disposes the isolate after wallMs (time_limit); it covers
 *   anything that does not burn CPU.
 * - Memory: isolated-vm's memoryLimit; its disposal is reported as memory_limit.
 *   The heap is also checked after the module loads and after each test.
 * - Output: counted by the prelude's console (output_limit).
 * Values cross the boundary only as JSON text (strings are copied).
 */
import { chargedCpuNs, processCpuNs } from "./cpu-clock.ts";
import { Stopped, type LimitVerdict } from "./stopped.ts";
import ivm from "isolated-vm";
import type { GradingLimits } from "../limits.ts";
import { MAX_RESULT_BYTES } from "../limits.ts";
import type { CompiledSolution } from "./compile.ts";
import { preludeSource } from "./prelude.ts";
import { mapStack } from "./stack.ts";

export type { LimitVerdict } from "./stopped.ts";

export type CallOutcome =
  | { kind: "ok"; value: unknown; isUndefined: boolean; stdout: string; timeMs: number }
  | { kind: "error"; message: string; stack: string; line?: number; column?: number; stdout: string; timeMs: number }
  | { kind: "limit"; verdict: LimitVerdict; message: string; stdout: string; timeMs: number };

export type StartOutcome =
  | { kind: "ready" }
  | { kind: "compile"; message: string }
  | Exclude<CallOutcome, { kind: "ok" }>;

const POLL_MS = 4;
const HARNESS_FILE = "prodloop-harness.js";

type Envelope =
  | { k: "ok"; v?: unknown; u?: 1; out: string }
  | { k: "error"; name: string; message: string; stack: string; out: string }
  | { k: "limit"; why: "output" | "result" | "memory"; out: string };



export class SandboxSession {
  private readonly isolate: ivm.Isolate;
  private readonly limits: GradingLimits;
  private readonly compiled: CompiledSolution;
  private context: ivm.Context | null = null;
  private runRef: ivm.Reference | null = null;
  private collectRef: ivm.Reference | null = null;
  private installRef: ivm.Reference | null = null;
  /** isolate.cpuTime and the process's CPU time (ns) when the candidate's code started. */
  private cpuBase = 0n;
  private procBase = 0n;
  /** Last isolate.cpuTime read (it cannot be read once the isolate is disposed). */
  private lastCpu = 0n;
  private stop: Stopped | null = null;
  private poll: ReturnType<typeof setInterval> | null = null;
  private watchdog: ReturnType<typeof setTimeout> | null = null;
  private peakMemory = 0;
  /** The isolate's heap limit before isolated-vm raises it to survive an out-of-memory. */
  private readonly heapCeiling: number;

  constructor(compiled: CompiledSolution, limits: GradingLimits, entry: string) {
    this.compiled = compiled;
    this.limits = limits;
    this.isolate = new ivm.Isolate({ memoryLimit: Math.max(8, limits.memoryMb) });
    this.heapCeiling = this.isolate.getHeapStatisticsSync().heap_size_limit;
    this.context = this.isolate.createContextSync();
    const prelude = this.isolate.compileScriptSync(
      preludeSource({ entry, outputBytes: limits.outputKb * 1024, maxResultBytes: MAX_RESULT_BYTES }),
      { filename: HARNESS_FILE },
    );
    const harness = prelude.runSync(this.context, { reference: true }) as ivm.Reference;
    this.runRef = harness.getSync("run", { reference: true }) as ivm.Reference;
    this.collectRef = harness.getSync("collect", { reference: true }) as ivm.Reference;
    this.installRef = harness.getSync("install", { reference: true }) as ivm.Reference;
    harness.release();
    prelude.release();
  }

  /** Compiles, links and evaluates the candidate module (its top-level code runs under the limits). */
  async start(): Promise<StartOutcome> {
    const ctx = this.context as ivm.Context;
    let module: ivm.Module;
    try {
      module = this.isolate.compileModuleSync(this.compiled.code, { filename: this.compiled.filename });
      module.instantiateSync(ctx, (specifier) => {
        throw new Error(`import "${specifier}" is not available: solutions cannot import modules`);
      });
    } catch (e) {
      return { kind: "compile", message: (e as Error).message };
    }
    this.cpuBase = this.isolate.cpuTime;
    this.procBase = processCpuNs();
    this.lastCpu = this.cpuBase;
    this.watchdog = setTimeout(() => this.halt(new Stopped("time_limit", `Wall time limit of ${this.limits.wallMs} ms exceeded`)), this.limits.wallMs);
    const before = this.currentCpu();
    try {
      await this.guard(module.evaluate());
      (this.installRef as ivm.Reference).applySync(undefined, [module.namespace.derefInto()]);
      this.sampleMemory();
      if (this.stop) throw this.stop;
    } catch (e) {
      const timeMs = this.msSince(before);
      if (e instanceof Stopped) return { kind: "limit", verdict: e.verdict, message: e.message, stdout: "", timeMs };
      // Top-level code may throw anything; isolated-vm copies primitives as they are.
      const isError = e instanceof Error;
      const header = isError ? `${e.name}: ${e.message}` : `Uncaught: ${String(e).slice(0, 2000)}`;
      const mapped = mapStack(isError ? (e.stack ?? "") : "", header, this.compiled.filename, this.compiled.map, this.compiled);
      return { kind: "error", message: header, ...mapped, stdout: "", timeMs };
    } finally {
      module.release();
    }
    return { kind: "ready" };
  }

  /** Calls the entry function with JSON-encoded arguments. */
  async call(argsJson: string): Promise<CallOutcome> {
    const before = this.currentCpu();
    if (this.stop) return { kind: "limit", verdict: this.stop.verdict, message: this.stop.message, stdout: "", timeMs: 0 };
    try {
      let text = (await this.guard((this.runRef as ivm.Reference).apply(undefined, [argsJson], { result: { copy: true } }))) as string;
      if (text === "P") {
        text = (await this.guard((this.collectRef as ivm.Reference).apply(undefined, [], { result: { copy: true } }))) as string;
        if (text === "N") {
          return { kind: "limit", verdict: "time_limit", message: "The returned promise never settled", stdout: "", timeMs: this.msSince(before) };
        }
      }
      this.sampleMemory();
      if (this.stop) throw this.stop;
      return this.decode(JSON.parse(text) as Envelope, this.msSince(before));
    } catch (e) {
      if (e instanceof Stopped) return { kind: "limit", verdict: e.verdict, message: e.message, stdout: "", timeMs: this.msSince(before) };
      throw e;
    }
  }

  /** CPU time used by candidate code so far, in ms. */
  cpuTimeMs(): number {
    return Number(this.currentCpu()) / 1e6;
  }

  /** Largest heap (used + external) seen after a test, in bytes. */
  memoryBytes(): number {
    return this.peakMemory;
  }

  dispose(): void {
    this.clearTimers();
    this.runRef?.release();
    this.collectRef?.release();
    this.installRef?.release();
    this.runRef = this.collectRef = this.installRef = null;
    this.context = null;
    if (!this.isolate.isDisposed) {
      this.lastCpu = this.isolate.cpuTime;
      this.isolate.dispose();
    }
  }

  private decode(env: Envelope, timeMs: number): CallOutcome {
    switch (env.k) {
      case "ok":
        return { kind: "ok", value: env.u ? undefined : env.v, isUndefined: env.u === 1, stdout: env.out, timeMs };
      case "limit": {
        const verdict: LimitVerdict = env.why === "memory" ? "memory_limit" : "output_limit";
        const message =
          env.why === "output"
            ? `Console output exceeded ${this.limits.outputKb} KB`
            : env.why === "result"
              ? `Return value exceeded ${MAX_RESULT_BYTES / (1024 * 1024)} MB of JSON`
              : `Memory limit of ${this.limits.memoryMb} MB exceeded`;
        return { kind: "limit", verdict, message, stdout: env.out, timeMs };
      }
      case "error": {
        const header = `${env.name}: ${env.message}`;
        const mapped = mapStack(env.stack, header, this.compiled.filename, this.compiled.map, this.compiled);
        return { kind: "error", message: header, ...mapped, stdout: env.out, timeMs };
      }
    }
  }

  /** Awaits isolate work while polling its CPU clock; converts disposals into Stopped. */
  private async guard<T>(work: Promise<T>): Promise<T> {
    if (this.stop) throw this.stop;
    this.poll ??= setInterval(() => this.checkCpu(), POLL_MS);
    try {
      return await work;
    } catch (e) {
      if (this.stop) throw this.stop;
      const message = e instanceof Error ? e.message : "";
      if (message.includes("memory limit")) {
        this.halt(new Stopped("memory_limit", `Memory limit of ${this.limits.memoryMb} MB exceeded`));
        throw this.stop;
      }
      throw e;
    } finally {
      this.checkCpu();
    }
  }

  private checkCpu(): void {
    if (this.isolate.isDisposed) return;
    if (this.currentCpu() > BigInt(this.limits.cpuMs) * 1_000_000n) {
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
  }

  private clearTimers(): void {
    if (this.poll) clearInterval(this.poll);
    if (this.watchdog) clearTimeout(this.watchdog);
    this.poll = null;
    this.watchdog = null;
  }

  /** CPU charged to the candidate since start(), in ns (see the header: the smaller of two upper bounds). */
  private currentCpu(): bigint {
    if (!this.isolate.isDisposed) this.lastCpu = this.isolate.cpuTime;
    return chargedCpuNs(this.lastCpu, this.cpuBase, this.procBase);
  }

  private msSince(before: bigint): number {
    return Math.round(Number(this.currentCpu() - before) / 1e4) / 100;
  }

  /**
   * Records the heap in use after a test, and stops the isolate if it is past
   * the heap limit: isolated-vm enforces its limit only at some garbage
   * collections, so one large allocation (e.g. `new Array(1e7).fill(0)`) can
   * outgrow it and finish without being stopped.
   */
  private sampleMemory(): void {
    if (this.isolate.isDisposed) return;
    const h = this.isolate.getHeapStatisticsSync();
    const used = h.used_heap_size + h.externally_allocated_size;
    this.peakMemory = Math.max(this.peakMemory, used);
    if (used > this.heapCeiling) this.halt(new Stopped("memory_limit", `Memory limit of ${this.limits.memoryMb} MB exceeded`));
  }
}

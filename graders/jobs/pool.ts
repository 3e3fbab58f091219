/**
 * The in-process grading backend: a fixed set of grader worker processes
 * (worker.ts) and a bounded FIFO queue in front of them.
 *
 * - Each worker grades one submission at a time; jobs beyond the workers
 *   wait in the queue, and beyond `maxQueue` waiting jobs `grade` throws
 *   QueueFullError (the API answers 429 with a retry hint).
 * - A worker that dies mid-job (V8 aborting on an out-of-memory that
 *   isolated-vm could not contain) costs only that job, which gets
 *   `memory_limit`; the worker is replaced. A worker that does not answer
 *   within the problem's wall limit plus a grace period is killed and the
 *   job gets `time_limit`: the pool never waits forever on a submission.
 */
import { fork, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { GradeRequest, GradeResult } from "../coding/types.ts";
import type { GradeJob, WorkerMessage } from "./protocol.ts";

export class QueueFullError extends Error {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds = 2) {
    super("the grading queue is full");
    this.name = "QueueFullError";
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The worker could not grade (a broken problem folder, an unknown slug): not the candidate's fault. */
export class GradingFailedError extends Error {
  readonly file: string | undefined;
  readonly causeName: string;
  constructor(error: { name: string; message: string; file?: string }) {
    super(error.message);
    this.name = "GradingFailedError";
    this.causeName = error.name;
    this.file = error.file;
  }
}

export interface PoolOptions {
  /** Worker processes; 0 or undefined = available CPUs. */
  workers?: number | undefined;
  maxQueue: number;
  retryAfterSeconds: number;
  problemsRoot: string;
  /** Defaults to graders/jobs/worker.ts under the current directory. */
  workerScript?: string;
  /** How long loading a problem (generator + reference oracle) may take in a worker. */
  loadTimeoutMs?: number;
  /** Extra time past the problem's wall limit before a silent worker is killed. */
  graceMs?: number;
  /** Python isolates each worker keeps booted ahead (0 = boot on demand). */
  pythonWarm?: number;
}

export interface PoolStats {
  workers: number;
  busy: number;
  queueDepth: number;
  workerRestarts: number;
}

interface Job {
  id: number;
  request: GradeRequest;
  resolve: (r: GradeResult) => void;
  reject: (e: Error) => void;
}

interface Slot {
  child: ChildProcess;
  ready: boolean;
  job: Job | null;
  total: number;
  timer: ReturnType<typeof setTimeout> | null;
  killedForTime: boolean;
  stderrTail: string;
}

export class WorkerPool {
  private readonly opts: Required<Omit<PoolOptions, "workers">> & { workers: number };
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private restarts = 0;
  private closed = false;

  constructor(options: PoolOptions) {
    const workers = options.workers && options.workers > 0 ? options.workers : Math.max(1, os.availableParallelism());
    this.opts = {
      workers,
      maxQueue: options.maxQueue,
      retryAfterSeconds: options.retryAfterSeconds,
      problemsRoot: options.problemsRoot,
      workerScript: options.workerScript ?? path.join(process.cwd(), "graders", "jobs", "worker.ts"),
      loadTimeoutMs: options.loadTimeoutMs ?? 120_000,
      graceMs: options.graceMs ?? 3_000,
      pythonWarm: options.pythonWarm ?? 1,
    };
    if (!existsSync(this.opts.workerScript)) throw new Error(`grader worker script not found at ${this.opts.workerScript} (start from the project directory)`);
    for (let i = 0; i < workers; i++) this.spawn();
  }

  grade(request: GradeRequest): Promise<GradeResult> {
    if (this.closed) return Promise.reject(new Error("the grader pool is shut down"));
    const idle = this.idleSlot();
    if (!idle && this.queue.length >= this.opts.maxQueue) return Promise.reject(new QueueFullError(this.opts.retryAfterSeconds));
    return new Promise<GradeResult>((resolve, reject) => {
      const job: Job = { id: this.nextId++, request, resolve, reject };
      if (idle) this.assign(idle, job);
      else this.queue.push(job);
    });
  }

  stats(): PoolStats {
    let busy = 0;
    for (const s of this.slots) if (s.job) busy++;
    return { workers: this.slots.size, busy, queueDepth: this.queue.length, workerRestarts: this.restarts };
  }

  /** Up when at least one worker process has started and said it is ready. */
  healthy(): boolean {
    if (this.closed) return false;
    for (const s of this.slots) if (s.ready) return true;
    return false;
  }

  /** Resolves when every worker has reported ready (or rejects after timeoutMs). */
  async whenReady(timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ([...this.slots].some((s) => !s.ready)) {
      if (Date.now() > deadline) throw new Error(`grader workers not ready after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error("the grader pool is shut down"));
    const exits = [...this.slots].map(
      (s) =>
        new Promise<void>((resolve) => {
          if (s.child.exitCode !== null || s.child.signalCode !== null) return resolve();
          s.child.once("exit", () => resolve());
          s.child.kill("SIGKILL");
        }),
    );
    await Promise.all(exits);
  }

  private idleSlot(): Slot | undefined {
    for (const s of this.slots) if (s.ready && !s.job) return s;
    return undefined;
  }

  private spawn(): void {
    const child = fork(this.opts.workerScript, [], {
      execPath: process.execPath,
      execArgv: ["--no-node-snapshot", "--disable-warning=ExperimentalWarning"],
      stdio: ["ignore", "inherit", "pipe", "ipc"],
      serialization: "json",
      env: { ...process.env, PRODLOOP_PYTHON_WARM: String(this.opts.pythonWarm) },
    });
    const slot: Slot = { child, ready: false, job: null, total: 0, timer: null, killedForTime: false, stderrTail: "" };
    this.slots.add(slot);
    child.stderr?.on("data", (chunk: Buffer) => {
      slot.stderrTail = (slot.stderrTail + chunk.toString("utf8")).slice(-4000);
    });
    child.on("message", (msg: WorkerMessage) => this.onMessage(slot, msg));
    child.on("exit", (code, signal) => this.onExit(slot, code, signal));
    child.on("error", () => {
      /* 'exit' follows and handles it */
    });
  }

  private assign(slot: Slot, job: Job): void {
    slot.job = job;
    slot.total = 0;
    slot.killedForTime = false;
    this.arm(slot, this.opts.loadTimeoutMs);
    const msg: GradeJob = { type: "grade", id: job.id, request: job.request, root: this.opts.problemsRoot };
    slot.child.send(msg);
  }

  private arm(slot: Slot, ms: number): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => {
      slot.killedForTime = true;
      slot.child.kill("SIGKILL");
    }, ms);
  }

  private finish(slot: Slot): Job | null {
    const job = slot.job;
    slot.job = null;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    return job;
  }

  private onMessage(slot: Slot, msg: WorkerMessage): void {
    switch (msg.type) {
      case "ready":
        slot.ready = true;
        break;
      case "started":
        if (slot.job?.id === msg.id) {
          slot.total = msg.total;
          this.arm(slot, msg.wallMs + this.opts.graceMs);
        }
        return;
      case "result":
        if (slot.job?.id === msg.id) this.finish(slot)?.resolve(msg.result);
        break;
      case "failed":
        if (slot.job?.id === msg.id) this.finish(slot)?.reject(new GradingFailedError(msg.error));
        break;
    }
    this.pump(slot);
  }

  private pump(slot: Slot): void {
    if (slot.ready && !slot.job && this.slots.has(slot)) {
      const next = this.queue.shift();
      if (next) this.assign(slot, next);
    }
  }

  private onExit(slot: Slot, code: number | null, signal: NodeJS.Signals | null): void {
    this.slots.delete(slot);
    const job = this.finish(slot);
    if (this.closed) {
      job?.reject(new Error("the grader pool is shut down"));
      return;
    }
    this.restarts++;
    if (job) {
      const verdict = slot.killedForTime ? "time_limit" : "memory_limit";
      const message = slot.killedForTime
        ? "Your code did not finish within the wall time limit; the grader stopped it."
        : "Your code exhausted the grader's memory (the sandbox process was killed).";
      if (!slot.killedForTime && !/out of memory|heap limit|allocation failed/i.test(slot.stderrTail)) {
        // Not an evident OOM: keep the evidence for whoever reads the logs.
        process.stderr.write(`grader worker exited (code ${code}, signal ${signal}) during a job: ${slot.stderrTail.slice(-800)}\n`);
      }
      job.resolve({ verdict, passed: 0, total: slot.total, cpuTimeMs: 0, memoryBytes: 0, tests: [], error: { kind: "limit", message } });
    }
    this.spawn();
    // The new worker picks up queued work once it reports ready (onMessage → pump).
  }
}

/**
 * Where grading runs for this process. The embedded default is the worker
 * pool (pool.ts); a scaled deployment would put a queue-backed backend with
 * the same `grade` contract here, chosen by configuration, so callers never
 * change. One backend per process, kept on globalThis so a dev server's
 * module reloads do not start a second set of workers.
 */
import { POOL_LIMITS } from "../limits.ts";
import type { GradeRequest, GradeResult } from "../coding/types.ts";
import { WorkerPool, type PoolStats } from "./pool.ts";

export { GradingFailedError, QueueFullError, WorkerPool } from "./pool.ts";
export type { PoolStats } from "./pool.ts";

export interface GradingConfig {
  /** Worker processes; undefined = number of CPUs. */
  workers?: number | undefined;
  problemsRoot: string;
}

export interface Backend {
  grade(request: GradeRequest): Promise<GradeResult>;
  stats(): PoolStats;
  healthy(): boolean;
  close(): Promise<void>;
}

const holder = globalThis as unknown as { __prodloopPool?: WorkerPool; __prodloopGradingConfig?: GradingConfig };

/** Sets how the backend will be created; call before the first grade (lib/grading/lifecycle.ts does). */
export function configureGrading(config: GradingConfig): void {
  holder.__prodloopGradingConfig = config;
}

export function getGradingBackend(): Backend {
  if (!holder.__prodloopPool) {
    const config = holder.__prodloopGradingConfig ?? { problemsRoot: process.env.PROBLEMS_DIR ?? `${process.cwd()}/problems` };
    holder.__prodloopPool = new WorkerPool({ workers: config.workers, problemsRoot: config.problemsRoot, maxQueue: POOL_LIMITS.maxQueue, retryAfterSeconds: POOL_LIMITS.retryAfterSeconds });
  }
  return holder.__prodloopPool;
}

/** Stats of the backend if one is running (never starts one). */
export function runningBackendStats(): PoolStats | undefined {
  return holder.__prodloopPool?.stats();
}

export async function shutdownGrading(): Promise<void> {
  const pool = holder.__prodloopPool;
  holder.__prodloopPool = undefined;
  await pool?.close();
}

/**
 * Prometheus metrics (GET /api/metrics). One registry per process, kept on
 * globalThis so the dev server's module reloads do not register twice.
 *
 * Queue depth and worker restarts belong to the grading pool; they are read
 * from it at scrape time through a stats source the grading module registers
 * (lib/grading/backend.ts), so this file knows nothing about graders.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

export interface GradingStats {
  /** Jobs waiting for a worker (not counting the running ones). */
  queueDepth: number;
  /** Worker processes replaced since start (crash, OOM, hard timeout). */
  workerRestarts: number;
}

interface Metrics {
  registry: Registry;
  submissionsTotal: Counter<"verdict">;
  gradingDuration: Histogram<"mode">;
  queueDepth: Gauge;
  workerRestarts: Counter;
}

const holder = globalThis as unknown as { __prodloopMetrics?: Metrics; __prodloopGradingStats?: () => GradingStats | undefined };

/** Installed by the grading module; returns undefined while no pool is running. */
export function setGradingStatsSource(source: () => GradingStats | undefined): void {
  holder.__prodloopGradingStats = source;
}

function readStats(): GradingStats | undefined {
  try {
    return holder.__prodloopGradingStats?.();
  } catch {
    return undefined;
  }
}

function create(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  let restartsSeen = 0;
  return {
    registry,
    submissionsTotal: new Counter({
      name: "prodloop_submissions_total",
      help: "Submissions graded (Submit, not Run), by verdict.",
      labelNames: ["verdict"],
      registers: [registry],
    }),
    gradingDuration: new Histogram({
      name: "prodloop_grading_duration_seconds",
      help: "Time from handing a job to the grading backend to its verdict, including queueing.",
      labelNames: ["mode"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    queueDepth: new Gauge({
      name: "prodloop_grading_queue_depth",
      help: "Grading jobs waiting for a worker.",
      registers: [registry],
      collect() {
        this.set(readStats()?.queueDepth ?? 0);
      },
    }),
    workerRestarts: new Counter({
      name: "prodloop_grader_worker_restarts_total",
      help: "Grader worker processes replaced after a crash or hard limit.",
      registers: [registry],
      collect() {
        // The pool keeps a running total; a counter may only grow, so add the difference.
        const total = readStats()?.workerRestarts ?? restartsSeen;
        if (total > restartsSeen) {
          this.inc(total - restartsSeen);
          restartsSeen = total;
        }
      },
    }),
  };
}

export function getMetrics(): Metrics {
  holder.__prodloopMetrics ??= create();
  return holder.__prodloopMetrics;
}

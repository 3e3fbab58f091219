/**
 * Starting and probing the grading backend for the web server: configured
 * from the validated environment, its stats exposed to the metrics module.
 */
import { configureGrading, getGradingBackend, runningBackendStats } from "../../graders/jobs/index.ts";
import { getEnv } from "../env.ts";
import { setGradingStatsSource } from "../metrics.ts";

export async function startGrading(): Promise<void> {
  const env = getEnv();
  configureGrading({ workers: env.GRADER_WORKERS, problemsRoot: env.PROBLEMS_DIR });
  setGradingStatsSource(() => runningBackendStats());
  getGradingBackend();
}

export async function gradingHealth(): Promise<{ ok: boolean; detail: string }> {
  const stats = runningBackendStats();
  if (!stats) return { ok: false, detail: "grader pool not started" };
  if (!getGradingBackend().healthy()) return { ok: false, detail: `no grader worker ready (${stats.workers} starting)` };
  return { ok: true, detail: `${stats.workers} workers, ${stats.busy} busy, ${stats.queueDepth} queued` };
}

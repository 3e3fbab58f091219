/**
 * Every grading call of the web app goes through here: time it, translate a
 * full queue into 429, and make the result public before anyone sees it.
 */
import type { GradeRequest, GradeResult } from "../../graders/coding/types.ts";
import { QueueFullError } from "../../graders/jobs/index.ts";
import { POOL_LIMITS } from "../../graders/limits.ts";
import { AppError } from "../errors.ts";
import { moduleLogger } from "../log.ts";
import { getMetrics } from "../metrics.ts";
import { gradingBackend } from "./backend.ts";
import { toPublicResult } from "./public-result.ts";

export async function gradePublic(request: GradeRequest): Promise<GradeResult> {
  const stop = getMetrics().gradingDuration.startTimer({ mode: request.mode });
  let result: GradeResult;
  try {
    result = await gradingBackend().grade(request);
  } catch (err) {
    if (err instanceof QueueFullError || (err instanceof Error && err.name === "QueueFullError")) {
      const retryAfterSeconds = retryAfterOf(err) ?? POOL_LIMITS.retryAfterSeconds;
      moduleLogger("grading").warn({ slug: request.slug, mode: request.mode }, "grading queue full");
      throw new AppError("queue_full", "The graders are busy; try again in a moment", { retryAfterSeconds });
    }
    throw err;
  }
  stop();
  return toPublicResult(result);
}

function retryAfterOf(err: Error): number | undefined {
  const v = (err as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  return typeof v === "number" && Number.isFinite(v) && v > 0 ? v : undefined;
}

/**
 * Every grading call of the web app goes through here: time it, translate a
 * full queue into 429, and make the result public before anyone sees it.
 */
import type { GradeRequest, GradeResult } from "../../graders/coding/types.ts";
import { GradingFailedError, QueueFullError } from "../../graders/jobs/index.ts";
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
      const retryAfterSeconds = retryAfterOf(err as Error) ?? POOL_LIMITS.retryAfterSeconds;
      moduleLogger("grading").warn({ slug: request.slug, mode: request.mode }, "grading queue full");
      throw new AppError("queue_full", "The graders are busy; try again in a moment", { retryAfterSeconds });
    }
    if (err instanceof GradingFailedError) {
      // A broken problem folder: the author's bug, never the candidate's. Logged in full, reported without paths.
      moduleLogger("grading").error({ slug: request.slug, err: err.message, file: err.file }, "grading failed");
      throw new AppError("internal", `This problem cannot be graded right now (its files failed to load); nothing was stored.`, { cause: err });
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

/** Submit: grade against every test, store the public result, rank it (POST /api/problems/:slug/submit). */
import { z } from "zod";
import type { Lang } from "../../graders/coding/types.ts";
import { requireUserFor } from "../auth/permissions.ts";
import { getDb } from "../db/client.ts";
import { gradePublic } from "../grading/grade.ts";
import { assertSourceSize, CodeSchema, LangSchema } from "../grading/source.ts";
import { parseWith } from "../http/request.ts";
import { moduleLogger } from "../log.ts";
import { getMetrics } from "../metrics.ts";
import { requireProblem } from "../problems/get-problem.ts";
import type { SessionUser, SubmissionView } from "../view-types.ts";
import { percentileOf } from "./percentile.ts";
import { toSubmissionView } from "./submission-view.ts";

export const SubmitSchema = z.object({ lang: LangSchema, code: CodeSchema });

export interface SubmitSolutionOptions {
  user: SessionUser | null;
  slug: string;
  lang: Lang;
  code: string;
}

export async function submitSolution(options: SubmitSolutionOptions): Promise<SubmissionView> {
  const user = requireUserFor(options.user, "solution.submit");
  const { lang, code } = parseWith(SubmitSchema, { lang: options.lang, code: options.code });
  assertSourceSize(code);
  const { meta } = requireProblem(options.slug);
  // Graded before any write: a busy queue (429) or a grader failure stores nothing.
  const result = await gradePublic({ slug: meta.slug, lang, code, mode: "submit" });
  const row = await getDb().submission.create({
    data: {
      userId: user.id,
      problemSlug: meta.slug,
      lang,
      code,
      verdict: result.verdict,
      passed: result.passed,
      total: result.total,
      cpuTimeMs: result.cpuTimeMs,
      memoryBytes: Math.round(result.memoryBytes),
      resultJson: JSON.stringify(result),
    },
  });
  getMetrics().submissionsTotal.inc({ verdict: result.verdict });
  moduleLogger("submissions").info({ submissionId: row.id, userId: user.id, slug: meta.slug, lang, verdict: result.verdict, cpuTimeMs: result.cpuTimeMs }, "submission graded");
  return toSubmissionView(row, await percentileOf(row));
}

/** Database rows → the public submission shapes of lib/view-types.ts. */
import type { GradeResult, Lang } from "../../graders/coding/types.ts";
import type { Verdict } from "../../graders/coding/verdicts.ts";
import type { Submission } from "../../generated/prisma/client.ts";
import type { SubmissionSummary, SubmissionView } from "../view-types.ts";

export function toSubmissionSummary(row: Submission): SubmissionSummary {
  return {
    id: row.id,
    // Rows only hold validated langs and grader verdicts.
    lang: row.lang as Lang,
    verdict: row.verdict as Verdict,
    passed: row.passed,
    total: row.total,
    cpuTimeMs: row.cpuTimeMs,
    memoryBytes: row.memoryBytes,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toSubmissionView(row: Submission, percentile: number | null): SubmissionView {
  return {
    ...toSubmissionSummary(row),
    slug: row.problemSlug,
    code: row.code,
    // resultJson was made public before it was stored (lib/grading/public-result.ts).
    result: JSON.parse(row.resultJson) as GradeResult,
    percentile,
  };
}

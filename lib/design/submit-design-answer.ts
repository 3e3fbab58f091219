/** Submit a design answer: grade its objective part, store answer and report (POST /api/design/problems/:slug/submit). */
import { gradeDesignAnswer } from "../../graders/design/grade.ts";
import { requireUserFor } from "../auth/permissions.ts";
import { getDb } from "../db/client.ts";
import { moduleLogger } from "../log.ts";
import type { SessionUser } from "../view-types.ts";
import { toDesignAnswer } from "./answer-input.ts";
import { requireDesignProblem } from "./design-catalog.ts";
import { SUBMISSION_INCLUDE, toDesignSubmissionView } from "./design-submission-view.ts";
import type { DesignSubmissionView } from "./view-types.ts";

export interface SubmitDesignAnswerOptions {
  user: SessionUser | null;
  slug: string;
  /** Raw JSON from the request; validated here (400 naming each bad field). */
  answer: unknown;
}

export async function submitDesignAnswer(options: SubmitDesignAnswerOptions): Promise<DesignSubmissionView> {
  const user = requireUserFor(options.user, "solution.submit");
  const problem = await requireDesignProblem(options.slug);
  const answer = toDesignAnswer(options.answer);
  // Pure and bounded by the answer schema's size caps: grading runs in-process.
  const report = gradeDesignAnswer(problem, answer);
  const answerJson = JSON.stringify(answer);
  const row = await getDb().$transaction(async (tx) => {
    const created = await tx.designSubmission.create({
      data: {
        userId: user.id,
        problemSlug: problem.slug,
        answerJson,
        reportJson: JSON.stringify(report),
        objectivePoints: report.objective.points,
        objectiveMax: report.objective.max,
      },
      include: SUBMISSION_INCLUDE,
    });
    // The draft becomes what was submitted, so reopening the workspace continues from it.
    const key = { userId: user.id, problemSlug: problem.slug };
    await tx.designDraft.upsert({ where: { userId_problemSlug: key }, create: { ...key, answerJson }, update: { answerJson } });
    return created;
  });
  moduleLogger("design").info({ submissionId: row.id, userId: user.id, slug: problem.slug, objective: report.objective.points }, "design answer graded");
  return toDesignSubmissionView(row, user);
}

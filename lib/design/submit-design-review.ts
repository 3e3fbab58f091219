/** A mentor scores each rubric dimension with a comment (POST /api/design/submissions/:id/review). */
import { z } from "zod";
import { assertCan, requireSignedIn } from "../auth/permissions.ts";
import { getDb } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { parseWith } from "../http/request.ts";
import { moduleLogger } from "../log.ts";
import type { SessionUser } from "../view-types.ts";
import { toDesignSubmissionView } from "./design-submission-view.ts";
import { loadSubmissionRow } from "./load-submission-row.ts";
import { RatingSchema } from "./ratings.ts";
import { assertCoversDimensions } from "./rubric-input.ts";
import { readReport } from "./stored-json.ts";
import type { DesignSubmissionView } from "./view-types.ts";

export const ReviewSchema = z.object({
  scores: z.record(z.string().max(64), z.object({ score: RatingSchema, comment: z.string().trim().max(4_000).default("") })),
  summary: z.string().trim().max(8_000).default(""),
});

export interface SubmitDesignReviewOptions {
  user: SessionUser | null;
  id: string;
  scores: unknown;
  summary?: unknown;
}

export async function submitDesignReview(options: SubmitDesignReviewOptions): Promise<DesignSubmissionView> {
  const user = requireSignedIn(options.user);
  assertCan(user, "design.review");
  const { scores, summary } = parseWith(ReviewSchema, { scores: options.scores, summary: options.summary });
  const updated = await getDb().$transaction(async (tx) => {
    const row = await loadSubmissionRow(tx, options.id);
    assertCan(user, "design.review", { ownerId: row.userId });
    const dimensions = readReport(row.reportJson).dimensions;
    assertCoversDimensions("scores", scores, dimensions);
    // Conditional update inside the transaction: two mentors cannot both review it.
    const claimed = await tx.designSubmission.updateMany({ where: { id: row.id, reviewStatus: "requested" }, data: { reviewStatus: "reviewed" } });
    if (claimed.count === 0) {
      throw new AppError("conflict", row.reviewStatus === "reviewed" ? "This submission has already been reviewed" : "The candidate has not requested a review");
    }
    const ordered = dimensions.map((d) => ({ dimension: d.id, score: scores[d.id]!.score, comment: scores[d.id]!.comment }));
    await tx.designReview.create({ data: { submissionId: row.id, mentorId: user.id, scoresJson: JSON.stringify(ordered), summary } });
    return loadSubmissionRow(tx, row.id);
  });
  moduleLogger("design").info({ submissionId: updated.id, mentorId: user.id }, "design review submitted");
  return toDesignSubmissionView(updated, user);
}

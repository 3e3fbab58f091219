/** The candidate asks a mentor to review a submission (POST /api/design/submissions/:id/review-request). */
import { assertCan, requireSignedIn } from "../auth/permissions.ts";
import { getDb } from "../db/client.ts";
import { AppError } from "../errors.ts";
import type { SessionUser } from "../view-types.ts";
import { toDesignSubmissionView } from "./design-submission-view.ts";
import { loadSubmissionRow } from "./load-submission-row.ts";
import type { DesignSubmissionView } from "./view-types.ts";

export interface RequestDesignReviewOptions {
  user: SessionUser | null;
  id: string;
}

/** Puts the submission in the mentors' queue; asking twice is harmless, asking after a review is a conflict. */
export async function requestDesignReview(options: RequestDesignReviewOptions): Promise<DesignSubmissionView> {
  const user = requireSignedIn(options.user);
  const updated = await getDb().$transaction(async (tx) => {
    const row = await loadSubmissionRow(tx, options.id);
    assertCan(user, "design.own", { ownerId: row.userId });
    if (row.reviewStatus === "reviewed") throw new AppError("conflict", "This submission has already been reviewed");
    if (row.reviewStatus !== "requested") {
      await tx.designSubmission.update({ where: { id: row.id }, data: { reviewStatus: "requested", reviewRequestedAt: new Date() } });
    }
    return loadSubmissionRow(tx, row.id);
  });
  return toDesignSubmissionView(updated, user);
}

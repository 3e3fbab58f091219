/** The candidate rates their own submission on each rubric dimension (PUT /api/design/submissions/:id/self-rating). */
import { z } from "zod";
import { assertCan, requireSignedIn } from "../auth/permissions.ts";
import { getDb } from "../db/client.ts";
import { parseWith } from "../http/request.ts";
import type { SessionUser } from "../view-types.ts";
import { toDesignSubmissionView } from "./design-submission-view.ts";
import { loadSubmissionRow } from "./load-submission-row.ts";
import { RatingSchema } from "./ratings.ts";
import { assertCoversDimensions } from "./rubric-input.ts";
import { readReport } from "./stored-json.ts";
import type { DesignSubmissionView } from "./view-types.ts";

export const SelfRatingSchema = z.object({ ratings: z.record(z.string().max(64), RatingSchema) });

export interface RateDesignSelfOptions {
  user: SessionUser | null;
  id: string;
  ratings: unknown;
}

/** Replaces the self-ratings; every rubric dimension must be rated. */
export async function rateDesignSelf(options: RateDesignSelfOptions): Promise<DesignSubmissionView> {
  const user = requireSignedIn(options.user);
  const { ratings } = parseWith(SelfRatingSchema, { ratings: options.ratings });
  const updated = await getDb().$transaction(async (tx) => {
    const row = await loadSubmissionRow(tx, options.id);
    assertCan(user, "design.own", { ownerId: row.userId });
    assertCoversDimensions("ratings", ratings, readReport(row.reportJson).dimensions);
    await tx.designSubmission.update({ where: { id: row.id }, data: { selfRatingsJson: JSON.stringify(ratings), selfRatedAt: new Date() } });
    return loadSubmissionRow(tx, row.id);
  });
  return toDesignSubmissionView(updated, user);
}

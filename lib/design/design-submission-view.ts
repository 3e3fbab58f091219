/** Design submission rows → the shapes of ./view-types.ts. */
import type { DesignReview, DesignSubmission } from "../../generated/prisma/client.ts";
import { can } from "../auth/permissions.ts";
import type { SessionUser } from "../view-types.ts";
import { getDesignCatalogEntry, getReferenceAnswer } from "./design-catalog.ts";
import { readAnswer, readReport, readReviewScores, readReviewStatus, readSelfRatings } from "./stored-json.ts";
import type { DesignReviewView, DesignSubmissionSummary, DesignSubmissionView } from "./view-types.ts";

export type SubmissionRow = DesignSubmission & {
  user: { id: string; email: string };
  reviews: (DesignReview & { mentor: { email: string } })[];
};

/** The relations `toDesignSubmissionView` needs, for `findUnique({ include })`. */
export const SUBMISSION_INCLUDE = {
  user: { select: { id: true, email: true } },
  reviews: { include: { mentor: { select: { email: true } } }, orderBy: { createdAt: "asc" } },
} as const;

export function toDesignSubmissionSummary(row: DesignSubmission): DesignSubmissionSummary {
  return {
    id: row.id,
    slug: row.problemSlug,
    objectivePoints: row.objectivePoints,
    objectiveMax: row.objectiveMax,
    reviewStatus: readReviewStatus(row.reviewStatus),
    createdAt: row.createdAt.toISOString(),
  };
}

function toReviewView(r: SubmissionRow["reviews"][number]): DesignReviewView {
  return { id: r.id, mentorEmail: r.mentor.email, scores: readReviewScores(r.scoresJson), summary: r.summary, createdAt: r.createdAt.toISOString() };
}

export async function toDesignSubmissionView(row: SubmissionRow, viewer: SessionUser): Promise<DesignSubmissionView> {
  const report = readReport(row.reportJson);
  const problem = await getDesignCatalogEntry(row.problemSlug);
  const owned = { ownerId: row.userId };
  const status = readReviewStatus(row.reviewStatus);
  return {
    ...toDesignSubmissionSummary(row),
    title: problem?.meta.title ?? report.title,
    owner: { id: row.user.id, email: row.user.email },
    answer: readAnswer(row.answerJson),
    report,
    selfRatings: readSelfRatings(row.selfRatingsJson),
    selfRatedAt: row.selfRatedAt?.toISOString() ?? null,
    reviewRequestedAt: row.reviewRequestedAt?.toISOString() ?? null,
    reviews: row.reviews.map(toReviewView),
    // A submission exists, so its owner has submitted: the reference may be shown.
    reference: problem ? await getReferenceAnswer(problem) : null,
    can: {
      selfRate: can(viewer, "design.own", owned),
      requestReview: can(viewer, "design.own", owned) && status === "none",
      review: can(viewer, "design.review", owned) && status === "requested",
    },
  };
}

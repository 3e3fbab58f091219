/** The mentors' queue: submissions waiting for a review, oldest request first (GET /api/design/reviews). */
import { assertCan, requireSignedIn } from "../auth/permissions.ts";
import { getDb } from "../db/client.ts";
import type { SessionUser } from "../view-types.ts";
import { getDesignCatalogEntry } from "./design-catalog.ts";
import type { PendingReviewView } from "./view-types.ts";

export const PENDING_LIMIT = 200;

export interface ListPendingReviewsOptions {
  user: SessionUser | null;
}

export async function listPendingReviews(options: ListPendingReviewsOptions): Promise<PendingReviewView[]> {
  const user = requireSignedIn(options.user);
  assertCan(user, "design.review");
  const rows = await getDb().designSubmission.findMany({
    // A mentor's own submissions go to someone else.
    where: { reviewStatus: "requested", userId: { not: user.id } },
    orderBy: [{ reviewRequestedAt: "asc" }, { id: "asc" }],
    take: PENDING_LIMIT,
    select: { id: true, problemSlug: true, objectivePoints: true, objectiveMax: true, createdAt: true, reviewRequestedAt: true, user: { select: { email: true } } },
  });
  const titles = new Map<string, string>();
  for (const slug of new Set(rows.map((r) => r.problemSlug))) titles.set(slug, (await getDesignCatalogEntry(slug))?.meta.title ?? slug);
  return rows.map((r) => ({
    id: r.id,
    slug: r.problemSlug,
    title: titles.get(r.problemSlug) ?? r.problemSlug,
    candidateEmail: r.user.email,
    objectivePoints: r.objectivePoints,
    objectiveMax: r.objectiveMax,
    createdAt: r.createdAt.toISOString(),
    reviewRequestedAt: (r.reviewRequestedAt ?? r.createdAt).toISOString(),
  }));
}

import { requireUserFor } from "../auth/permissions.ts";
import { getDb } from "../db/client.ts";
import { requireProblem } from "../problems/get-problem.ts";
import type { SessionUser, SubmissionSummary } from "../view-types.ts";
import { toSubmissionSummary } from "./submission-view.ts";

/** History shows the latest ones; older submissions stay stored and readable by id. */
export const HISTORY_LIMIT = 100;

export interface ListSubmissionsOptions {
  user: SessionUser | null;
  slug: string;
}

/** The user's own submissions to one problem, newest first. */
export async function listSubmissions(options: ListSubmissionsOptions): Promise<SubmissionSummary[]> {
  const user = requireUserFor(options.user, "submission.list");
  requireProblem(options.slug);
  const rows = await getDb().submission.findMany({
    where: { userId: user.id, problemSlug: options.slug },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: HISTORY_LIMIT,
  });
  return rows.map(toSubmissionSummary);
}

import { requireUserFor } from "../auth/permissions.ts";
import { getDb } from "../db/client.ts";
import type { SessionUser } from "../view-types.ts";
import { requireDesignProblem } from "./design-catalog.ts";
import { toDesignSubmissionSummary } from "./design-submission-view.ts";
import type { DesignSubmissionSummary } from "./view-types.ts";

export const DESIGN_HISTORY_LIMIT = 50;

export interface ListDesignSubmissionsOptions {
  user: SessionUser | null;
  slug: string;
}

/** The user's own submissions to one design problem, newest first. */
export async function listDesignSubmissions(options: ListDesignSubmissionsOptions): Promise<DesignSubmissionSummary[]> {
  const user = requireUserFor(options.user, "submission.list");
  const { slug } = await requireDesignProblem(options.slug);
  const rows = await getDb().designSubmission.findMany({
    where: { userId: user.id, problemSlug: slug },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: DESIGN_HISTORY_LIMIT,
  });
  return rows.map(toDesignSubmissionSummary);
}

import { assertCan, requireSignedIn } from "../auth/permissions.ts";
import { getDb } from "../db/client.ts";
import { AppError } from "../errors.ts";
import type { SessionUser } from "../view-types.ts";
import { SUBMISSION_INCLUDE, toDesignSubmissionView } from "./design-submission-view.ts";
import type { DesignSubmissionView } from "./view-types.ts";

export interface GetDesignSubmissionOptions {
  user: SessionUser | null;
  id: string;
}

/** One design submission with report, reviews and the reference answer: its owner, mentors and admins. */
export async function getDesignSubmission(options: GetDesignSubmissionOptions): Promise<DesignSubmissionView> {
  // 401 before 404: signed-out callers learn nothing about which ids exist.
  const user = requireSignedIn(options.user);
  const row = await getDb().designSubmission.findUnique({ where: { id: options.id }, include: SUBMISSION_INCLUDE });
  if (!row) throw new AppError("not_found", "No such design submission");
  assertCan(user, "submission.read", { ownerId: row.userId });
  return toDesignSubmissionView(row, user);
}

import { assertCan, requireSignedIn } from "../auth/permissions.ts";
import { getDb } from "../db/client.ts";
import { AppError } from "../errors.ts";
import type { SessionUser, SubmissionView } from "../view-types.ts";
import { percentileOf } from "./percentile.ts";
import { toSubmissionView } from "./submission-view.ts";

export interface GetSubmissionOptions {
  user: SessionUser | null;
  id: string;
}

/** One submission with its code and result: its owner, mentors and admins. */
export async function getSubmission(options: GetSubmissionOptions): Promise<SubmissionView> {
  // 401 before 404: signed-out callers learn nothing about which ids exist.
  const user = requireSignedIn(options.user);
  const row = await getDb().submission.findUnique({ where: { id: options.id } });
  if (!row) throw new AppError("not_found", "No such submission");
  assertCan(user, "submission.read", { ownerId: row.userId });
  return toSubmissionView(row, await percentileOf(row));
}

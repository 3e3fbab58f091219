import type { DbTx } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { SUBMISSION_INCLUDE, type SubmissionRow } from "./design-submission-view.ts";

/** A design submission with what its view needs, or 404. */
export async function loadSubmissionRow(db: DbTx, id: string): Promise<SubmissionRow> {
  const row = await db.designSubmission.findUnique({ where: { id }, include: SUBMISSION_INCLUDE });
  if (!row) throw new AppError("not_found", "No such design submission");
  return row;
}

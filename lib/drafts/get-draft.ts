import { z } from "zod";
import type { Lang } from "../../graders/coding/types.ts";
import { requireUserFor } from "../auth/permissions.ts";
import { getDb } from "../db/client.ts";
import { parseWith } from "../http/request.ts";
import { LangSchema } from "../grading/source.ts";
import { requireProblem } from "../problems/get-problem.ts";
import type { DraftView, SessionUser } from "../view-types.ts";
import { toDraftView } from "./draft-view.ts";

export const GetDraftSchema = z.object({ lang: LangSchema });

export interface GetDraftOptions {
  user: SessionUser | null;
  slug: string;
  lang: Lang;
}

/** The user's saved code for one problem and language, or null if none yet. */
export async function getDraft(options: GetDraftOptions): Promise<DraftView | null> {
  const user = requireUserFor(options.user, "draft.use");
  const { lang } = parseWith(GetDraftSchema, { lang: options.lang });
  requireProblem(options.slug);
  const row = await getDb().draft.findUnique({
    where: { userId_problemSlug_lang: { userId: user.id, problemSlug: options.slug, lang } },
  });
  return row ? toDraftView(row) : null;
}

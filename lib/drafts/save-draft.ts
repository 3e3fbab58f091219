import { z } from "zod";
import type { Lang } from "../../graders/coding/types.ts";
import { requireUserFor } from "../auth/permissions.ts";
import { getDb } from "../db/client.ts";
import { parseWith } from "../http/request.ts";
import { assertSourceSize, CodeSchema, LangSchema } from "../grading/source.ts";
import { requireProblem } from "../problems/get-problem.ts";
import type { DraftView, SessionUser } from "../view-types.ts";
import { toDraftView } from "./draft-view.ts";

export const SaveDraftSchema = z.object({ lang: LangSchema, code: CodeSchema });

export interface SaveDraftOptions {
  user: SessionUser | null;
  slug: string;
  lang: Lang;
  code: string;
}

/** Creates or replaces the user's draft for (problem, language). */
export async function saveDraft(options: SaveDraftOptions): Promise<DraftView> {
  const user = requireUserFor(options.user, "draft.use");
  const { lang, code } = parseWith(SaveDraftSchema, { lang: options.lang, code: options.code });
  assertSourceSize(code);
  requireProblem(options.slug);
  const key = { userId: user.id, problemSlug: options.slug, lang };
  const row = await getDb().draft.upsert({
    where: { userId_problemSlug_lang: key },
    create: { ...key, code },
    update: { code },
  });
  return toDraftView(row);
}

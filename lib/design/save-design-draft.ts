import { requireUserFor } from "../auth/permissions.ts";
import { getDb } from "../db/client.ts";
import type { SessionUser } from "../view-types.ts";
import { toDesignAnswer } from "./answer-input.ts";
import { requireDesignProblem } from "./design-catalog.ts";
import { toDesignDraftView } from "./design-draft-view.ts";
import type { DesignDraftView } from "./view-types.ts";

export interface SaveDesignDraftOptions {
  user: SessionUser | null;
  slug: string;
  /** Raw JSON from the request; validated here (400 naming each bad field). */
  answer: unknown;
}

/** Creates or replaces the user's autosaved answer; the first save starts the time box. */
export async function saveDesignDraft(options: SaveDesignDraftOptions): Promise<DesignDraftView> {
  const user = requireUserFor(options.user, "draft.use");
  const { slug } = await requireDesignProblem(options.slug);
  const answerJson = JSON.stringify(toDesignAnswer(options.answer));
  const key = { userId: user.id, problemSlug: slug };
  const row = await getDb().designDraft.upsert({
    where: { userId_problemSlug: key },
    create: { ...key, answerJson },
    update: { answerJson },
  });
  return toDesignDraftView(row);
}

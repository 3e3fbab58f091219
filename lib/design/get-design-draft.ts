import { requireUserFor } from "../auth/permissions.ts";
import { getDb } from "../db/client.ts";
import type { SessionUser } from "../view-types.ts";
import { requireDesignProblem } from "./design-catalog.ts";
import { toDesignDraftView } from "./design-draft-view.ts";
import type { DesignDraftView } from "./view-types.ts";

export interface GetDesignDraftOptions {
  user: SessionUser | null;
  slug: string;
}

/** The user's autosaved answer to one design problem, or null if none yet. */
export async function getDesignDraft(options: GetDesignDraftOptions): Promise<DesignDraftView | null> {
  const user = requireUserFor(options.user, "draft.use");
  const { slug } = await requireDesignProblem(options.slug);
  const row = await getDb().designDraft.findUnique({ where: { userId_problemSlug: { userId: user.id, problemSlug: slug } } });
  return row ? toDesignDraftView(row) : null;
}

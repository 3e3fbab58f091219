/** Troubleshooting problems for the problem list; solved = the user has a host run that passed its checks. */
import { getDb } from "../db/client.ts";
import type { ProblemSummary, SessionUser } from "../view-types.ts";
import { listTroubleshooting } from "./catalog.ts";

export async function listTroubleshootingSummaries(user: SessionUser | null): Promise<ProblemSummary[]> {
  const metas = listTroubleshooting();
  const solved = new Set<string>();
  if (user && metas.length > 0) {
    const rows = await getDb().hostRun.findMany({ where: { userId: user.id, solvedAt: { not: null } }, distinct: ["problemSlug"], select: { problemSlug: true } });
    for (const r of rows) solved.add(r.problemSlug);
  }
  return metas.map((m) => ({ slug: m.slug, round: "troubleshooting", title: m.title, difficulty: m.difficulty, topics: m.topics, solved: solved.has(m.slug) }));
}

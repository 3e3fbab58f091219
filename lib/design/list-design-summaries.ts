/** Design problems as rows of the shared problem list; "solved" means submitted at least once. */
import { getDb } from "../db/client.ts";
import type { ProblemSummary, SessionUser } from "../view-types.ts";
import { listDesignCatalog } from "./design-catalog.ts";

export async function listDesignSummaries(user: SessionUser | null): Promise<ProblemSummary[]> {
  const problems = await listDesignCatalog();
  const submitted = user
    ? new Set((await getDb().designSubmission.findMany({ where: { userId: user.id }, distinct: ["problemSlug"], select: { problemSlug: true } })).map((r) => r.problemSlug))
    : new Set<string>();
  return problems.map((p) => ({
    slug: p.slug,
    round: "design",
    title: p.meta.title,
    difficulty: p.meta.difficulty,
    topics: p.meta.topics,
    solved: submitted.has(p.slug),
  }));
}

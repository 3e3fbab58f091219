/** One problem's public view (GET /api/problems/:slug, the problem page). */
import { assertCan } from "../auth/permissions.ts";
import { AppError } from "../errors.ts";
import type { ProblemView, SessionUser } from "../view-types.ts";
import { getCatalogEntry, type CatalogEntry } from "./catalog.ts";

export interface GetProblemOptions {
  slug: string;
  user: SessionUser | null;
}

/** The catalog entry or 404: shared by every service that takes a slug. */
export function requireProblem(slug: string): CatalogEntry {
  const entry = getCatalogEntry(slug);
  if (!entry) throw new AppError("not_found", `No problem "${slug}"`);
  return entry;
}

export async function getProblem(options: GetProblemOptions): Promise<ProblemView> {
  assertCan(options.user, "problem.browse");
  const { meta, statementHtml, examples, starter } = requireProblem(options.slug);
  return {
    slug: meta.slug,
    round: "coding",
    title: meta.title,
    difficulty: meta.difficulty,
    topics: meta.topics,
    statementHtml,
    examples: examples.map((e) => ({ args: e.args, expected: e.expected, ...(e.explanation ? { explanation: e.explanation } : {}) })),
    params: meta.params,
    returns: meta.returns,
    entry: meta.entry,
    limits: meta.limits,
    starter,
  };
}

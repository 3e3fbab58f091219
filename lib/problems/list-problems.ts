/** The problem list with filters and the user's solved marks (GET /api/problems, /problems page). */
import { z } from "zod";
import type { Difficulty } from "../../graders/coding/types.ts";
import { assertCan } from "../auth/permissions.ts";
import { getDb } from "../db/client.ts";
import { parseWith } from "../http/request.ts";
import type { ProblemSummary, Round, SessionUser } from "../view-types.ts";
import { listDesignSummaries } from "../design/list-design-summaries.ts";
import { listTroubleshootingSummaries } from "../troubleshoot/list-troubleshooting-summaries.ts";
import { listCatalog } from "./catalog.ts";

export const ProblemFiltersSchema = z.object({
  round: z.enum(["coding", "troubleshooting", "design"]).optional(),
  difficulty: z.enum(["easy", "medium", "hard"]).optional(),
  topic: z.string().trim().min(1).max(64).optional(),
  status: z.enum(["solved", "unsolved"]).optional(),
});

export interface ListProblemsOptions {
  user: SessionUser | null;
  round?: Round | undefined;
  difficulty?: Difficulty | undefined;
  topic?: string | undefined;
  /** Signed-out users have solved nothing: `solved` is empty, `unsolved` is all. */
  status?: "solved" | "unsolved" | undefined;
}

export interface ProblemList {
  problems: ProblemSummary[];
  /** Every topic of the round's problems (unfiltered), for the filter control. */
  topics: string[];
}

const DIFFICULTY_ORDER: Record<Difficulty, number> = { easy: 0, medium: 1, hard: 2 };

export async function solvedSlugs(userId: string): Promise<Set<string>> {
  const rows = await getDb().submission.findMany({
    where: { userId, verdict: "accepted" },
    distinct: ["problemSlug"],
    select: { problemSlug: true },
  });
  return new Set(rows.map((r) => r.problemSlug));
}

export async function listProblems(options: ListProblemsOptions): Promise<ProblemList> {
  const { user } = options;
  assertCan(user, "problem.browse");
  const filters = parseWith(ProblemFiltersSchema, {
    round: options.round,
    difficulty: options.difficulty,
    topic: options.topic,
    status: options.status,
  });
  const wants = (r: Round) => !filters.round || filters.round === r;
  const all = wants("coding") ? listCatalog() : [];
  const solved = user && all.length > 0 ? await solvedSlugs(user.id) : new Set<string>();
  const coding = all.map<ProblemSummary>((e) => ({
    slug: e.meta.slug,
    round: "coding",
    title: e.meta.title,
    difficulty: e.meta.difficulty,
    topics: e.meta.topics,
    solved: solved.has(e.meta.slug),
  }));
  const design = wants("design") ? await listDesignSummaries(user) : [];
  const troubleshooting = wants("troubleshooting") ? await listTroubleshootingSummaries(user) : [];
  const topics = [...new Set([...coding, ...troubleshooting, ...design].flatMap((p) => p.topics))].sort();
  const problems = [...coding, ...troubleshooting, ...design]
    .filter((p) => !filters.difficulty || p.difficulty === filters.difficulty)
    .filter((p) => !filters.topic || p.topics.includes(filters.topic))
    .filter((p) => !filters.status || p.solved === (filters.status === "solved"))
    .sort((a, b) => DIFFICULTY_ORDER[a.difficulty] - DIFFICULTY_ORDER[b.difficulty] || a.title.localeCompare(b.title));
  return { problems, topics };
}

/** One design problem's public view (GET /api/design/problems/:slug, the workspace page). */
import { SECTION_NAMES, SECTION_TITLES } from "../../graders/design/answer-schema.ts";
import type { DesignProblem } from "../../graders/design/problem-files.ts";
import { publicDesignProblem } from "../../graders/design/public.ts";
import { assertCan } from "../auth/permissions.ts";
import { renderMarkdown } from "../problems/markdown.ts";
import type { SessionUser } from "../view-types.ts";
import { requireDesignProblem } from "./design-catalog.ts";
import type { DesignProblemView } from "./view-types.ts";

export interface GetDesignProblemOptions {
  user: SessionUser | null;
  slug: string;
}

/**
 * The candidate-facing parts only (graders/design/public.ts decides what is
 * public): no reference values, reference answer, weak answers or check
 * definitions. What strong and weak look like is kept for the report.
 */
export function toDesignProblemView(problem: DesignProblem): DesignProblemView {
  const p = publicDesignProblem(problem);
  return {
    slug: p.slug,
    round: "design",
    title: p.title,
    difficulty: p.difficulty,
    topics: p.topics,
    promptHtml: renderMarkdown(p.promptMd),
    timeboxMinutes: p.timeboxMinutes,
    scale: p.scale.map((s) => ({ name: s.name, value: s.value })),
    sections: SECTION_NAMES.map((name) => ({ name, title: SECTION_TITLES[name] })),
    estimates: p.estimates,
    rubric: p.rubric.map((r) => ({ id: r.id, name: r.name, points: r.points })),
    scoring: { total: p.scoring.total, objective: p.scoring.objective },
  };
}

export async function getDesignProblem(options: GetDesignProblemOptions): Promise<DesignProblemView> {
  assertCan(options.user, "problem.browse");
  return toDesignProblemView(await requireDesignProblem(options.slug));
}

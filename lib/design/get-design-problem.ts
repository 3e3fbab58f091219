/** One design problem's public view (GET /api/design/problems/:slug, the workspace page). */
import { SECTION_NAMES, SECTION_TITLES } from "../../graders/design/answer-schema.ts";
import type { DesignProblem } from "../../graders/design/problem-files.ts";
import { assertCan } from "../auth/permissions.ts";
import { renderMarkdown } from "../problems/markdown.ts";
import type { SessionUser } from "../view-types.ts";
import { requireDesignProblem } from "./design-catalog.ts";
import type { DesignProblemView } from "./view-types.ts";

export interface GetDesignProblemOptions {
  user: SessionUser | null;
  slug: string;
}

/** The candidate-facing parts only: no reference values, reference answer, weak answers or check definitions. */
export function toDesignProblemView(problem: DesignProblem): DesignProblemView {
  const { meta } = problem;
  return {
    slug: meta.slug,
    round: "design",
    title: meta.title,
    difficulty: meta.difficulty,
    topics: meta.topics,
    promptHtml: renderMarkdown(problem.promptMd),
    timeboxMinutes: meta.timeboxMinutes,
    scale: meta.scale.map((s) => ({ name: s.name, value: s.value })),
    sections: SECTION_NAMES.map((name) => ({ name, title: SECTION_TITLES[name] })),
    estimates: meta.estimates.map((e) => ({ id: e.id, name: e.name, ask: e.ask, inputs: e.inputs.map((i) => ({ id: i.id, name: i.name })) })),
    rubric: meta.rubric.map((r) => ({ id: r.id, name: r.name, points: r.points })),
    scoring: { total: meta.scoring.total, objective: meta.scoring.objective },
  };
}

export async function getDesignProblem(options: GetDesignProblemOptions): Promise<DesignProblemView> {
  assertCan(options.user, "problem.browse");
  return toDesignProblemView(await requireDesignProblem(options.slug));
}

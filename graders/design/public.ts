/**
 * What a candidate may see of a design problem before submitting: the prompt,
 * scale, time box, the questions behind each asked estimate and the rubric.
 * Reference values, formulas, reference inputs and the objective checks stay
 * on the server (the checks' hints appear only in a graded report).
 */
import type { DesignProblem } from "./problem-files.ts";

export interface PublicDesignProblem {
  slug: string;
  title: string;
  difficulty: "easy" | "medium" | "hard";
  topics: string[];
  timeboxMinutes: number;
  promptMd: string;
  scale: { name: string; value: string }[];
  estimates: { id: string; name: string; ask: string; inputs: { id: string; name: string }[] }[];
  rubric: { id: string; name: string; strong: string; weak: string; points: number }[];
  scoring: { total: number; objective: number };
}

export function publicDesignProblem(p: DesignProblem): PublicDesignProblem {
  const m = p.meta;
  return {
    slug: m.slug,
    title: m.title,
    difficulty: m.difficulty,
    topics: m.topics,
    timeboxMinutes: m.timeboxMinutes,
    promptMd: p.promptMd,
    scale: m.scale,
    estimates: m.estimates.map((e) => ({ id: e.id, name: e.name, ask: e.ask, inputs: e.inputs.map((i) => ({ id: i.id, name: i.name })) })),
    rubric: m.rubric,
    scoring: m.scoring,
  };
}

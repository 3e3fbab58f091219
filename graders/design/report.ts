/**
 * The report a candidate reads after submitting: per rubric dimension, the
 * objective checks that passed and failed (with hints, never answers), the
 * objective score, and the points left to the human rubric (self-rating or a
 * mentor), so it is plain which part a program judged.
 */
import type { ProblemJson } from "./problem-schema.ts";
import type { CheckResult } from "./results.ts";

export interface ReportCheck extends CheckResult {
  points: number;
  maxPoints: number;
}

export interface DimensionReport {
  id: string;
  name: string;
  strong: string;
  weak: string;
  /** Points a mentor or the candidate's self-rating awards for this dimension. */
  humanPoints: number;
  checks: ReportCheck[];
  objectivePoints: number;
  objectiveMax: number;
}

export interface DesignReport {
  slug: string;
  title: string;
  total: number;
  objective: { points: number; max: number };
  human: { max: number };
  dimensions: DimensionReport[];
  diagramNotes: string[];
  summary: string;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

export function buildReport(meta: ProblemJson, results: CheckResult[], diagramNotes: string[]): DesignReport {
  const objectiveMax = meta.scoring.objective;
  const totalWeight = results.reduce((a, r) => a + r.weight, 0);
  const checks: ReportCheck[] = results.map((r) => {
    const maxPoints = totalWeight > 0 ? (r.weight / totalWeight) * objectiveMax : 0;
    return { ...r, maxPoints: round1(maxPoints), points: round1(r.credit * maxPoints) };
  });
  // Sum unrounded points so a perfect answer scores exactly the maximum.
  const exact = results.reduce((a, r) => a + (totalWeight > 0 ? (r.credit * r.weight * objectiveMax) / totalWeight : 0), 0);
  const dimensions = meta.rubric.map((d) => {
    const mine = checks.filter((c) => c.dimension === d.id);
    return {
      id: d.id,
      name: d.name,
      strong: d.strong,
      weak: d.weak,
      humanPoints: d.points,
      checks: mine,
      objectivePoints: round1(mine.reduce((a, c) => a + c.points, 0)),
      objectiveMax: round1(mine.reduce((a, c) => a + c.maxPoints, 0)),
    };
  });
  const humanMax = meta.scoring.total - objectiveMax;
  const points = round1(exact);
  return {
    slug: meta.slug,
    title: meta.title,
    total: meta.scoring.total,
    objective: { points, max: objectiveMax },
    human: { max: humanMax },
    dimensions,
    diagramNotes,
    summary:
      `Objective part (checked by the program): ${points} of ${objectiveMax} points. ` +
      `The other ${humanMax} of ${meta.scoring.total} points are the rubric (trade-offs, depth, communication): rate yourself or request a mentor review.`,
  };
}

const MARK = { pass: "✓", partial: "~", fail: "✗" } as const;

/** Plain-text rendering for the CLI. */
export function formatReport(r: DesignReport): string {
  const out = [`${r.title} (${r.slug})`, r.summary, ""];
  for (const d of r.dimensions) {
    const obj = d.checks.length > 0 ? `objective ${d.objectivePoints}/${d.objectiveMax}` : "no objective checks";
    out.push(`${d.name}: ${obj}; rubric ${d.humanPoints} points (human-judged)`);
    for (const c of d.checks) out.push(`  ${MARK[c.status]} ${c.title} [${c.points}/${c.maxPoints}]: ${c.message}`);
    out.push(`  strong: ${d.strong}`);
  }
  if (r.diagramNotes.length > 0) {
    out.push("", "Diagram notes:");
    for (const n of r.diagramNotes) out.push(`  - ${n}`);
  }
  return out.join("\n");
}

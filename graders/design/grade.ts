/**
 * Grades one design answer against one problem: estimates, diagram checks and
 * text checks, then the report. Pure: no I/O, so the app, the CLI, the
 * problem check and tests all share it.
 */
import { parseAnswer, type DesignAnswer } from "./answer-schema.ts";
import { sceneToGraph } from "./diagram.ts";
import { runDiagramCheck } from "./diagram-checks.ts";
import { scoreEstimates } from "./estimates.ts";
import type { DesignProblem } from "./problem-files.ts";
import { buildReport, type DesignReport } from "./report.ts";
import type { CheckResult } from "./results.ts";
import { runTextCheck } from "./text-checks.ts";

export function runChecks(problem: DesignProblem, answer: DesignAnswer): { results: CheckResult[]; diagramNotes: string[] } {
  const graph = sceneToGraph(answer.diagram, problem.catalog);
  const results = [
    ...scoreEstimates(problem.meta.estimates, answer.estimates),
    ...problem.meta.diagram.map((c) => runDiagramCheck(c, graph, problem.catalog)),
    ...problem.meta.textChecks.map((c) => runTextCheck(c, answer)),
  ];
  return { results, diagramNotes: graph.notes };
}

/** Validates the raw answer (throws AnswerError naming bad fields) and grades it. */
export function gradeDesignAnswer(problem: DesignProblem, rawAnswer: unknown): DesignReport {
  const answer = parseAnswer(rawAnswer);
  const { results, diagramNotes } = runChecks(problem, answer);
  return buildReport(problem.meta, results, diagramNotes);
}

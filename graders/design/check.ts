/**
 * Proves a design problem folder: it loads and validates, the reference
 * answer earns every objective point with every check passing, and each
 * weak answer scores inside its stated range and fails the checks it names.
 * `problems check` (CLI) and the vitest suite call this.
 */
import { runChecks } from "./grade.ts";
import { loadDesignProblem, loadReferenceAnswer, loadWeakAnswers, defaultProblemsRoot } from "./problem-files.ts";
import { buildReport } from "./report.ts";

export interface DesignProblemCheck {
  slug: string;
  ok: boolean;
  /** One line per finding, prefixed "ok" or "FAIL". */
  lines: string[];
  /** The lines joined, ready to print. */
  text: string;
}

export function checkDesignProblem(slug: string, root: string = defaultProblemsRoot()): DesignProblemCheck {
  const lines: string[] = [];
  let ok = true;
  const note = (good: boolean, msg: string) => {
    if (!good) ok = false;
    lines.push(`${good ? "ok  " : "FAIL"} ${msg}`);
  };
  try {
    const problem = loadDesignProblem(slug, root);
    note(true, `problem.json and prompt.md valid (${problem.meta.estimates.length} estimates, ${problem.meta.diagram.length} diagram checks, ${problem.meta.textChecks.length} text checks)`);

    const reference = loadReferenceAnswer(problem, root);
    const ref = runChecks(problem, reference);
    const refReport = buildReport(problem.meta, ref.results, ref.diagramNotes);
    const failing = ref.results.filter((r) => r.status !== "pass");
    note(
      failing.length === 0 && refReport.objective.points === refReport.objective.max,
      `reference scores ${refReport.objective.points}/${refReport.objective.max}` + failing.map((r) => `\n       ${r.id}: ${r.message}`).join(""),
    );
    if (ref.diagramNotes.length > 0) note(false, `reference diagram has unreadable parts: ${ref.diagramNotes.join("; ")}`);

    const weak = loadWeakAnswers(problem, root);
    if (weak.length === 0) note(false, "no weak/*.json answers: add at least one known-weak answer");
    for (const w of weak) {
      const run = runChecks(problem, w.answer);
      const report = buildReport(problem.meta, run.results, run.diagramNotes);
      const { min, max } = w.expectObjective;
      const score = report.objective.points;
      note(score >= min && score <= max, `${w.file}: ${score} in [${min}, ${max}]`);
      const ids = new Set(run.results.map((r) => r.id));
      for (const id of w.mustFail) {
        const r = run.results.find((x) => x.id === id);
        if (!ids.has(id)) note(false, `${w.file}: mustFail names unknown check "${id}"`);
        else if (r && r.status === "pass") note(false, `${w.file}: expected "${id}" to fail, but it passed: ${r.message}`);
      }
    }
  } catch (e) {
    note(false, (e as Error).message);
  }
  return { slug, ok, lines, text: [`design/${slug}: ${ok ? "ok" : "FAILED"}`, ...lines.map((l) => `  ${l}`)].join("\n") };
}

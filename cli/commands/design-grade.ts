/**
 * `prodloop design-grade <slug> <answer.json> [--json]`
 *
 * Grades a design answer file (the same JSON the app stores: sections,
 * estimates, Excalidraw scene) against problems/design/<slug> and prints the
 * report; --json prints exactly the report object. Exit 0 whenever grading
 * happened, 2 for bad arguments, a missing problem or an invalid answer.
 */
import { readFileSync } from "node:fs";
import { AnswerError } from "../../graders/design/answer-schema.ts";
import { gradeDesignAnswer } from "../../graders/design/grade.ts";
import { DesignProblemNotFoundError, loadDesignProblem, type DesignProblem } from "../../graders/design/problem-files.ts";
import { formatReport } from "../../graders/design/report.ts";
import { parseArgs } from "../args.ts";
import { problemsRoot } from "../pool.ts";

const USAGE = "usage: prodloop design-grade <slug> <answer.json> [--json]";

export async function runDesignGrade(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, { values: [], flags: ["json"] });
  if (typeof parsed === "string" || parsed.positional.length !== 2) {
    console.error(typeof parsed === "string" ? `${parsed}\n${USAGE}` : USAGE);
    return 2;
  }
  const [slug, file] = parsed.positional as [string, string];
  let problem: DesignProblem;
  try {
    problem = loadDesignProblem(slug, problemsRoot());
  } catch (e) {
    console.error(e instanceof DesignProblemNotFoundError ? `no design problem "${slug}" under ${problemsRoot()}/design` : (e as Error).message);
    return 2;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    console.error(`cannot read ${file}: ${err.code === "ENOENT" ? "no such file" : err.message}`);
    return 2;
  }
  try {
    const report = gradeDesignAnswer(problem, raw);
    console.log(parsed.flags.json ? JSON.stringify(report) : formatReport(report));
    return 0;
  } catch (e) {
    if (e instanceof AnswerError) {
      console.error(`${file} is not a valid design answer:`);
      for (const i of e.issues) console.error(`  ${i.path || "(root)"}: ${i.message}`);
      return 2;
    }
    throw e;
  }
}

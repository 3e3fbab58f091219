/**
 * Grades one solution of a coding problem: Run (visible examples plus custom
 * inputs, expected values for those from the reference) or Submit (examples
 * then hidden tests). Returns the full result, hidden data included; callers
 * that face a browser must pass it through the public filter
 * (lib/grading/public-result.ts) — the CLI shows it only with --reveal.
 *
 * Every test runs in one fresh isolate per submission (run-cases.ts); the
 * comparison happens here, on plain data parsed from the sandbox's JSON.
 */
import type { CallOutcome } from "../sandbox/session.ts";
import { checkResult } from "./checkers.ts";
import { referenceOutputs, type GradableProblem } from "./gradable-problem.ts";
import { runCases } from "./run-cases.ts";
import type { GradeError, GradeResult, Lang, TestCase, TestResult } from "./types.ts";
import { overallVerdict, type Verdict } from "./verdicts.ts";

export interface GradeSolutionOptions {
  problem: GradableProblem;
  lang: Lang;
  code: string;
  mode: "run" | "submit";
  customInputs?: unknown[][] | undefined;
}

interface PlannedTest {
  hidden: boolean;
  custom: boolean;
  args: unknown[];
  /** Absent for a custom input the reference could not answer. */
  expected?: { value: unknown };
  note?: string;
}

export async function gradeSolution(o: GradeSolutionOptions): Promise<GradeResult> {
  const { problem } = o;
  const plan = await planTests(o);
  const run = await runCases({ source: o.code, lang: o.lang, entry: problem.meta.entry, limits: problem.meta.limits, cases: plan.map((t) => t.args) });

  if (run.kind === "compile_error") {
    return { verdict: "compile_error", passed: 0, total: plan.length, cpuTimeMs: 0, memoryBytes: 0, tests: [], error: run.error };
  }
  if (run.kind === "start_failed") {
    const s = run.start;
    const verdict: Verdict = s.kind === "limit" ? s.verdict : "runtime_error";
    const error: GradeError =
      s.kind === "limit" ? { kind: "limit", message: s.message } : { kind: "runtime", message: `${s.message} (while loading your module)`, stack: s.stack, ...position(s) };
    return { verdict, passed: 0, total: plan.length, cpuTimeMs: run.cpuTimeMs, memoryBytes: run.memoryBytes, tests: [], error };
  }

  const tests: TestResult[] = [];
  let error: GradeError | undefined;
  run.outcomes.forEach((outcome, index) => {
    const planned = plan[index] as PlannedTest;
    const { result, err } = judge(problem, planned, outcome, index);
    tests.push(result);
    if (err && !error) error = err;
  });
  const verdict = overallVerdict(tests);
  return {
    verdict,
    passed: tests.filter((t) => t.verdict === "accepted").length,
    total: plan.length,
    cpuTimeMs: run.cpuTimeMs,
    memoryBytes: run.memoryBytes,
    tests,
    ...(error && verdict !== "accepted" ? { error } : {}),
  };
}

async function planTests(o: GradeSolutionOptions): Promise<PlannedTest[]> {
  const { problem } = o;
  const visible = problem.examples.map((t: TestCase): PlannedTest => ({ hidden: false, custom: false, args: t.args, expected: { value: t.expected } }));
  if (o.mode === "submit") {
    return [...visible, ...problem.hidden.map((t): PlannedTest => ({ hidden: true, custom: false, args: t.args, expected: { value: t.expected } }))];
  }
  const custom = o.customInputs ?? [];
  if (custom.length === 0) return visible;
  let expected: unknown[] | null = null;
  let note = "";
  try {
    expected = await referenceOutputs(problem.reference, problem.meta, custom, "custom input");
  } catch (e) {
    // Usually an input outside the statement's bounds; the candidate's output is still shown.
    note = `No expected output: the reference solution could not run this input (${(e as Error).message.replace(/^[^:]*: /, "")}). Check it is within the problem's constraints.`;
  }
  return [
    ...visible,
    ...custom.map((args, i): PlannedTest => (expected ? { hidden: false, custom: true, args, expected: { value: expected[i] } } : { hidden: false, custom: true, args, note })),
  ];
}

function position(o: { line?: number; column?: number }): { line?: number; column?: number } {
  return o.line === undefined ? {} : { line: o.line, ...(o.column === undefined ? {} : { column: o.column }) };
}

function judge(problem: GradableProblem, t: PlannedTest, outcome: CallOutcome, index: number): { result: TestResult; err?: GradeError } {
  const base: TestResult = {
    index,
    hidden: t.hidden,
    verdict: "accepted",
    timeMs: outcome.timeMs,
    ...(t.custom ? { custom: true } : {}),
    input: t.args,
    ...(t.expected ? { expected: t.expected.value } : {}),
    stdout: outcome.stdout,
  };
  switch (outcome.kind) {
    case "ok": {
      const actual = outcome.isUndefined ? "undefined" : outcome.value;
      if (!t.expected) return { result: { ...base, actual, ...(t.note ? { message: t.note } : {}) } };
      if (outcome.isUndefined) {
        return { result: { ...base, verdict: "wrong_answer", actual, message: `${problem.meta.entry} returned undefined (missing return?)` } };
      }
      let check;
      try {
        check = checkResult(problem.meta.checker, t.args, t.expected.value, outcome.value, problem.checker);
      } catch (e) {
        throw new Error(`the problem's checker failed on test ${index + 1}: ${(e as Error).message}`);
      }
      return { result: { ...base, verdict: check.ok ? "accepted" : "wrong_answer", actual, ...(check.message ? { message: check.message } : {}) } };
    }
    case "error":
      return {
        result: { ...base, verdict: "runtime_error", message: outcome.stack || outcome.message },
        err: { kind: "runtime", message: outcome.message, stack: outcome.stack, ...position(outcome) },
      };
    case "limit":
      return { result: { ...base, verdict: outcome.verdict, message: outcome.message }, err: { kind: "limit", message: outcome.message } };
  }
}

/**
 * The only GradeResult that may leave the server: hidden tests reduced to
 * index, hidden, verdict and timeMs. Applied to every result before it is
 * stored or returned, whatever the grading backend already did, because a
 * leak here hands out the hidden tests.
 *
 * The top-level `error` needs the same care: a candidate can
 * `throw new Error(JSON.stringify(args))` on a hidden test and read the
 * inputs back from the message or stack. So a runtime/limit error keeps its
 * detail only when the first failing test is visible (the error is then
 * about that test); compile errors carry no test data and stay intact.
 */
import type { GradeError, GradeResult, TestResult } from "../../graders/coding/types.ts";

function publicTest(t: TestResult): TestResult {
  if (!t.hidden) return t;
  return { index: t.index, hidden: true, verdict: t.verdict, timeMs: t.timeMs };
}

function publicError(result: GradeResult): GradeError | undefined {
  const err = result.error;
  if (!err) return undefined;
  if (err.kind === "compile") return err;
  const firstFailing = result.tests.find((t) => t.verdict !== "accepted");
  if (firstFailing && !firstFailing.hidden) return err;
  const where = firstFailing ? `hidden test #${firstFailing.index + 1}` : "a hidden test";
  return { kind: err.kind, message: `${err.kind === "limit" ? "A limit was exceeded" : "Your code failed"} on ${where}; details of hidden tests are not shown.` };
}

export function toPublicResult(result: GradeResult): GradeResult {
  const error = publicError(result);
  return {
    verdict: result.verdict,
    passed: result.passed,
    total: result.total,
    cpuTimeMs: result.cpuTimeMs,
    memoryBytes: result.memoryBytes,
    tests: result.tests.map(publicTest),
    ...(error ? { error } : {}),
  };
}

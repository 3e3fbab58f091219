/**
 * A grading backend for tests, installed through lib/grading/backend.ts's
 * `useGradingBackend` seam. It answers with whatever result the test scripts,
 * and can simulate a full queue, which the real pool only reaches under load.
 */
import type { GradeRequest, GradeResult } from "../../graders/coding/types.ts";

export class StubGrader {
  calls: GradeRequest[] = [];
  next: ((req: GradeRequest) => GradeResult | Promise<GradeResult>) | undefined;
  fullFor = 0;

  async grade(req: GradeRequest): Promise<GradeResult> {
    this.calls.push(req);
    if (this.fullFor > 0) {
      this.fullFor -= 1;
      const { QueueFullError } = await import("../../graders/jobs/index.ts");
      throw new QueueFullError();
    }
    if (!this.next) throw new Error("StubGrader: no result scripted");
    return this.next(req);
  }
}

/** A result as a careless backend might return it: hidden tests with all their data. */
export function leakyResult(opts: { verdict: GradeResult["verdict"]; cpuTimeMs: number; failHidden?: boolean; error?: GradeResult["error"] }): GradeResult {
  const hiddenVerdict = opts.failHidden ? "wrong_answer" : "accepted";
  const tests: GradeResult["tests"] = [
    { index: 0, hidden: false, verdict: "accepted", timeMs: 0.2, input: [1], expected: 1, actual: 1, stdout: "visible log\n" },
    { index: 1, hidden: true, verdict: hiddenVerdict, timeMs: 0.3, input: ["SECRET-INPUT"], expected: "SECRET-EXPECTED", actual: "SECRET-ACTUAL", stdout: "SECRET-STDOUT", message: "SECRET-MESSAGE" },
  ];
  return {
    verdict: opts.verdict,
    passed: tests.filter((t) => t.verdict === "accepted").length,
    total: tests.length,
    cpuTimeMs: opts.cpuTimeMs,
    memoryBytes: 1_234_567,
    tests,
    ...(opts.error ? { error: opts.error } : {}),
  };
}

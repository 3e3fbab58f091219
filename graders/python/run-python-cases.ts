/**
 * Python counterpart of runCases (graders/coding/run-cases.ts), with the same
 * outcome type: one pooled, never-used isolate per call, the candidate's
 * module loaded, one call per case (arguments as JSON text), the isolate
 * disposed at the end whatever happened. Values come back as JSON and are
 * compared on the host by the caller.
 */
import type { RunCasesOutcome } from "../coding/run-cases.ts";
import type { GradingLimits } from "../limits.ts";
import type { CallOutcome } from "../sandbox/session.ts";
import { refillPythonPool, takePythonIsolate } from "./pool.ts";
import { PythonSession } from "./session.ts";

export interface RunPythonCasesOptions {
  source: string;
  /** The Python name of the entry function (see pythonEntryName). */
  entry: string;
  limits: GradingLimits;
  cases: readonly unknown[][];
}

export async function runPythonCases(o: RunPythonCasesOptions): Promise<RunCasesOutcome> {
  try {
    return await runOn(new PythonSession(await takePythonIsolate(o.limits.memoryMb), o.limits), o);
  } finally {
    // Only now: a boot beside the submission would compete with it for the CPU.
    refillPythonPool(o.limits.memoryMb);
  }
}

async function runOn(session: PythonSession, o: RunPythonCasesOptions): Promise<RunCasesOutcome> {
  try {
    const start = await session.start(o.source, o.entry);
    if (start.kind === "compile") {
      const { kind: _, ...pos } = start;
      return { kind: "compile_error", error: { ...pos, kind: "compile" } };
    }
    if (start.kind !== "ready") return { kind: "start_failed", start, cpuTimeMs: round2(session.cpuTimeMs()), memoryBytes: session.memoryBytes() };
    const outcomes: CallOutcome[] = [];
    for (const args of o.cases) {
      const outcome = await session.call(JSON.stringify(args));
      outcomes.push(outcome);
      // A limit disposes the isolate (or refuses all further output), and a
      // crashed interpreter cannot answer: nothing more can run.
      if (outcome.kind === "limit" || session.isDead()) break;
    }
    return { kind: "ran", outcomes, cpuTimeMs: round2(session.cpuTimeMs()), memoryBytes: session.memoryBytes() };
  } finally {
    session.dispose();
  }
}

function round2(ms: number): number {
  return Math.round(ms * 100) / 100;
}

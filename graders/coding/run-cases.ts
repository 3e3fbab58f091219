/**
 * Runs one solution (JavaScript/TypeScript here, Python in graders/python)
 * over a list of argument lists in one fresh isolate, under
 * the given limits, and disposes the isolate. This is the only place that
 * drives a SandboxSession: grading, the reference oracle for generated tests
 * and custom inputs all go through it.
 */
import { limitsForLanguage, type GradingLimits } from "../limits.ts";
import { compileSolution } from "../sandbox/compile.ts";
import { SandboxSession, type CallOutcome, type StartOutcome } from "../sandbox/session.ts";
import type { GradeError, Lang } from "./types.ts";

export interface RunCasesOptions {
  source: string;
  lang: Lang;
  entry: string;
  /** The problem's limits; Python gets them scaled by LANGUAGE_TIME_FACTOR. */
  limits: GradingLimits;
  cases: readonly unknown[][];
}

export type RunCasesOutcome =
  | { kind: "compile_error"; error: GradeError }
  /** The module's top-level code failed or hit a limit before any test ran. */
  | { kind: "start_failed"; start: Exclude<StartOutcome, { kind: "ready" } | { kind: "compile" }>; cpuTimeMs: number; memoryBytes: number }
  /** One outcome per case, in order; shorter than `cases` when a limit stopped the isolate. */
  | { kind: "ran"; outcomes: CallOutcome[]; cpuTimeMs: number; memoryBytes: number };

export async function runCases(o: RunCasesOptions): Promise<RunCasesOutcome> {
  if (o.lang === "py") {
    // Loaded on first use: a worker that never sees Python never boots Pyodide.
    const { runPythonCases, pythonEntryName } = await import("../python/index.ts");
    return runPythonCases({ source: o.source, entry: pythonEntryName(o.entry), limits: limitsForLanguage(o.limits, "py"), cases: o.cases });
  }
  const compiled = await compileSolution(o.source, o.lang, o.entry);
  if (!compiled.ok) return { kind: "compile_error", error: compiled.error };
  const session = new SandboxSession(compiled.compiled, o.limits, o.entry);
  try {
    const start = await session.start();
    if (start.kind === "compile") return { kind: "compile_error", error: { kind: "compile", message: start.message } };
    if (start.kind !== "ready") return { kind: "start_failed", start, cpuTimeMs: round2(session.cpuTimeMs()), memoryBytes: session.memoryBytes() };
    const outcomes: CallOutcome[] = [];
    for (const args of o.cases) {
      const outcome = await session.call(JSON.stringify(args));
      outcomes.push(outcome);
      // A time or memory limit disposes the isolate, and output past the
      // limit is refused for every later test too: nothing more can run.
      if (outcome.kind === "limit") break;
    }
    return { kind: "ran", outcomes, cpuTimeMs: round2(session.cpuTimeMs()), memoryBytes: session.memoryBytes() };
  } finally {
    session.dispose();
  }
}

function round2(ms: number): number {
  return Math.round(ms * 100) / 100;
}

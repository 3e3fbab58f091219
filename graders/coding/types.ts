import type { Verdict } from "./verdicts.ts";
import type { GradingLimits } from "../limits.ts";

export type Lang = "js" | "ts" | "py";
export const LANGS: readonly Lang[] = ["js", "ts", "py"];

export type Difficulty = "easy" | "medium" | "hard";

export type CheckerSpec =
  | { kind: "exact" }
  | { kind: "unordered" }
  | { kind: "float"; absTol?: number; relTol?: number }
  | { kind: "custom" };

/** Parsed problem.json of a coding problem (see docs/problem-format.md). */
export interface CodingProblemMeta {
  slug: string;
  title: string;
  difficulty: Difficulty;
  topics: string[];
  entry: string;
  params: { name: string; type: string }[];
  returns: string;
  limits: GradingLimits;
  checker: CheckerSpec;
  wrong: { file: string; verdict: Verdict; why: string }[];
  /** Seed passed to generator.ts (hidden tests are deterministic). */
  seed: number;
}

/** One test case: positional arguments and the expected return value. */
export interface TestCase {
  args: unknown[];
  expected: unknown;
  explanation?: string;
}

/** What the grader is asked to do. */
export interface GradeRequest {
  slug: string;
  lang: Lang;
  code: string;
  /** run = visible examples (+ custom inputs); submit = examples + hidden tests. */
  mode: "run" | "submit";
  /** Only for mode "run": extra argument lists; expected comes from the reference. */
  customInputs?: unknown[][];
}

export interface TestResult {
  index: number;
  hidden: boolean;
  verdict: Verdict;
  timeMs: number;
  /** The fields below are present only for visible tests (or with reveal). */
  custom?: boolean;
  input?: unknown[];
  expected?: unknown;
  /** Return value; `undefined` is reported as the string marker "undefined". */
  actual?: unknown;
  stdout?: string;
  message?: string;
}

export interface GradeError {
  kind: "compile" | "runtime" | "limit" | "internal";
  message: string;
  line?: number;
  column?: number;
  stack?: string;
}

export interface GradeResult {
  verdict: Verdict;
  passed: number;
  total: number;
  cpuTimeMs: number;
  memoryBytes: number;
  tests: TestResult[];
  error?: GradeError;
}

/**
 * Shapes that cross from the server to the browser (API JSON and server
 * component props). Nothing here may carry hidden tests, reference or
 * known-wrong solutions: these are the public views.
 */
import type { GradeResult, Lang, Difficulty, TestCase } from "../graders/coding/types.ts";
import type { Verdict } from "../graders/coding/verdicts.ts";
import type { GradingLimits } from "../graders/limits.ts";

export type Role = "candidate" | "mentor" | "admin";
export type Round = "coding" | "troubleshooting" | "design";

export interface SessionUser {
  id: string;
  email: string;
  role: Role;
}

export interface ProblemSummary {
  slug: string;
  round: Round;
  title: string;
  difficulty: Difficulty;
  topics: string[];
  solved: boolean;
}

export interface ProblemView {
  slug: string;
  round: "coding";
  title: string;
  difficulty: Difficulty;
  topics: string[];
  statementHtml: string;
  examples: TestCase[];
  params: { name: string; type: string }[];
  returns: string;
  entry: string;
  limits: GradingLimits;
  starter: Record<Lang, string>;
}

export interface DraftView {
  lang: Lang;
  code: string;
  updatedAt: string;
}

export interface SubmissionSummary {
  id: string;
  lang: Lang;
  verdict: Verdict;
  passed: number;
  total: number;
  cpuTimeMs: number;
  memoryBytes: number;
  createdAt: string;
}

export interface SubmissionView extends SubmissionSummary {
  slug: string;
  code: string;
  result: GradeResult;
  /** Share (0–100) of accepted submissions (same problem, same language) at least as slow; null unless accepted. */
  percentile: number | null;
}

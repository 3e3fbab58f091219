/**
 * The closed list of verdicts. Order matters nowhere; the overall verdict of a
 * submission is the verdict of its first non-accepted test, else `accepted`.
 * UI labels and colours live here too so the browser and CLI agree.
 */
export const VERDICTS = [
  "accepted",
  "wrong_answer",
  "time_limit",
  "memory_limit",
  "runtime_error",
  "compile_error",
  "output_limit",
] as const;

export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_LABELS: Record<Verdict, string> = {
  accepted: "Accepted",
  wrong_answer: "Wrong Answer",
  time_limit: "Time Limit Exceeded",
  memory_limit: "Memory Limit Exceeded",
  runtime_error: "Runtime Error",
  compile_error: "Compile Error",
  output_limit: "Output Limit Exceeded",
};

export function isVerdict(v: unknown): v is Verdict {
  return typeof v === "string" && (VERDICTS as readonly string[]).includes(v);
}

/** First non-accepted verdict of the tests in order, else accepted. */
export function overallVerdict(tests: readonly { verdict: Verdict }[]): Verdict {
  for (const t of tests) if (t.verdict !== "accepted") return t.verdict;
  return "accepted";
}

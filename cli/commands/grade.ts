/**
 * `prodloop grade <slug> <solution-file> [--lang js|ts] [--json] [--reveal]`
 *
 * Grades a file exactly like Submit, through a grader worker process, so a
 * solution that crashes its sandbox still gets a verdict printed. Without
 * --reveal, hidden tests show only index, verdict and time, as in the API.
 * Exit 0 whenever grading happened, whatever the verdict.
 */
import { readFileSync } from "node:fs";
import { loadCodingProblem, ProblemNotFoundError } from "../../graders/coding/problem-files.ts";
import { langOfFile } from "../../graders/coding/solutions.ts";
import type { GradeResult, Lang } from "../../graders/coding/types.ts";
import { VERDICT_LABELS } from "../../graders/coding/verdicts.ts";
import { MAX_SOURCE_BYTES } from "../../graders/limits.ts";
import { toPublicResult } from "../../lib/grading/public-result.ts";
import { parseArgs } from "../args.ts";
import { problemsRoot, startCliPool } from "../pool.ts";

const USAGE = "usage: prodloop grade <slug> <solution-file> [--lang js|ts] [--json] [--reveal]";

export async function runGrade(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, { values: ["lang"], flags: ["json", "reveal"] });
  if (typeof parsed === "string" || parsed.positional.length !== 2) {
    console.error(typeof parsed === "string" ? `${parsed}\n${USAGE}` : USAGE);
    return 2;
  }
  const [slug, file] = parsed.positional as [string, string];
  const langArg = parsed.values.lang;
  const lang: Lang | null = langArg === "js" || langArg === "ts" ? langArg : langArg === undefined ? (langOfFile(file) ?? "js") : null;
  if (!lang) {
    console.error(`--lang must be js or ts, not "${langArg}"\n${USAGE}`);
    return 2;
  }
  try {
    loadCodingProblem(slug, problemsRoot());
  } catch (e) {
    console.error(e instanceof ProblemNotFoundError ? `no coding problem "${slug}" under ${problemsRoot()}/coding` : (e as Error).message);
    return 2;
  }
  let code: string;
  try {
    code = readFileSync(file, "utf8");
  } catch (e) {
    console.error(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}`);
    return 2;
  }
  if (Buffer.byteLength(code) > MAX_SOURCE_BYTES) {
    console.error(`${file} is ${Buffer.byteLength(code)} bytes; the limit is ${MAX_SOURCE_BYTES}`);
    return 2;
  }

  const pool = await startCliPool(1);
  try {
    const full = await pool.grade({ slug, lang, code, mode: "submit" });
    const result = parsed.flags.reveal ? full : toPublicResult(full);
    console.log(parsed.flags.json ? JSON.stringify(result) : formatReport(result));
    return 0;
  } catch (e) {
    console.error(`grading failed: ${(e as Error).message}`);
    return 1;
  } finally {
    await pool.close();
  }
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? "undefined" : s.length > 300 ? `${s.slice(0, 300)}…` : s;
}

export function formatReport(r: GradeResult): string {
  const lines = [`${VERDICT_LABELS[r.verdict]} (${r.verdict}): ${r.passed}/${r.total} tests passed, CPU ${r.cpuTimeMs} ms, memory ${(r.memoryBytes / 1048576).toFixed(1)} MB`];
  if (r.error) lines.push("", r.error.stack ?? r.error.message);
  const failing = r.tests.find((t) => t.verdict !== "accepted");
  if (failing) {
    lines.push("", `First failing test: #${failing.index + 1}${failing.hidden ? " (hidden)" : ""} — ${VERDICT_LABELS[failing.verdict]}`);
    if (failing.input !== undefined) lines.push(`  input:    ${show(failing.input)}`);
    if ("expected" in failing) lines.push(`  expected: ${show(failing.expected)}`);
    if ("actual" in failing) lines.push(`  actual:   ${show(failing.actual)}`);
    if (failing.message && !r.error) lines.push(`  ${failing.message}`);
    if (failing.stdout) lines.push(`  console:\n${failing.stdout.replace(/^/gm, "    ").trimEnd()}`);
  }
  return lines.join("\n");
}

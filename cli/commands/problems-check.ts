/**
 * `prodloop problems check [slug...]`: proves coding and design problem folders
 * (design ones through graders/design/check.ts: reference scores full marks,
 * weak answers land in their stated ranges).
 * For each: the public files parse and match the signature; hidden tests
 * (tests.json and the generator, with the reference as oracle) load; there
 * are at least 20 hidden tests and two known-wrong solutions; the reference
 * and the Python reference (reference.py) are accepted on every test; each
 * known-wrong solution (JavaScript, TypeScript or Python) gets exactly its
 * declared verdict. Exit 1 with a readable report on any failure.
 */
import { checkTroubleshootingProblem } from "../../graders/troubleshooting/check.ts";
import { listTroubleshootingSlugs } from "../../graders/troubleshooting/problem-files.ts";
import { codingProblemDir, listCodingProblemSlugs, loadCodingProblem } from "../../graders/coding/problem-files.ts";
import { checkDesignProblem } from "../../graders/design/check.ts";
import { listDesignProblemSlugs } from "../../graders/design/problem-files.ts";
import { readPythonReference, readReference, readSolution, type SolutionFile } from "../../graders/coding/solutions.ts";
import type { GradeResult, Lang } from "../../graders/coding/types.ts";
import type { WorkerPool } from "../../graders/jobs/index.ts";
import { problemsRoot, startCliPool } from "../pool.ts";

const MIN_HIDDEN_TESTS = 20;
const MIN_WRONG = 2;
/** The reference should leave room for a fair solution in another style (docs/problem-format.md). */
const REFERENCE_CPU_SHARE_WARN = 0.25;

interface Report {
  slug: string;
  problems: string[];
  notes: string[];
}

function firstFailure(r: GradeResult): string {
  const t = r.tests.find((x) => x.verdict !== "accepted");
  const where = t ? `test #${t.index + 1}${t.hidden ? " (hidden)" : ""}` : "before any test";
  const detail = r.error?.message ?? t?.message ?? (t && "actual" in t ? `got ${JSON.stringify(t.actual)?.slice(0, 200)}, expected ${JSON.stringify(t.expected)?.slice(0, 200)}` : "");
  return `${r.verdict} on ${where}${detail ? `: ${detail}` : ""}`;
}

async function checkOne(pool: WorkerPool, slug: string, root: string): Promise<Report> {
  const report: Report = { slug, problems: [], notes: [] };
  let meta;
  let examples;
  try {
    ({ meta, examples } = loadCodingProblem(slug, root));
  } catch (e) {
    report.problems.push((e as Error).message);
    return report;
  }
  const dir = codingProblemDir(slug, root);
  if (meta.wrong.length < MIN_WRONG) report.problems.push(`problem.json: wrong: lists ${meta.wrong.length} known-wrong solutions; at least ${MIN_WRONG}`);

  let reference;
  try {
    reference = readReference(dir, root);
  } catch (e) {
    report.problems.push((e as Error).message);
    return report;
  }
  const wrongs = meta.wrong.map((w) => {
    try {
      return { ...w, solution: readSolution(dir, w.file, root) };
    } catch (e) {
      report.problems.push((e as Error).message);
      return null;
    }
  });

  let pyReference: SolutionFile | null = null;
  try {
    pyReference = readPythonReference(dir, root);
  } catch (e) {
    report.problems.push((e as Error).message);
  }
  const grade = (code: string, lang: Lang) => pool.grade({ slug, lang, code, mode: "submit" });
  const pyResult = pyReference ? grade(pyReference.code, "py") : null;
  const [refResult, ...wrongResults] = await Promise.allSettled([
    grade(reference.code, reference.lang),
    ...wrongs.map((w) => (w ? grade(w.solution.code, w.solution.lang) : Promise.reject(new Error("unreadable")))),
  ]);

  if (refResult?.status === "rejected") {
    report.problems.push(`${(refResult.reason as Error).message}`);
    return report;
  }
  const ref = refResult!.value;
  const hiddenCount = ref.total - examples.length;
  if (hiddenCount < MIN_HIDDEN_TESTS) report.problems.push(`only ${hiddenCount} hidden tests; at least ${MIN_HIDDEN_TESTS}`);
  if (ref.verdict !== "accepted") report.problems.push(`${reference.file}: expected accepted, got ${firstFailure(ref)}`);
  else {
    report.notes.push(`reference accepted on ${ref.total} tests (${examples.length} visible, ${hiddenCount} hidden) in ${ref.cpuTimeMs} ms CPU`);
    if (ref.cpuTimeMs > meta.limits.cpuMs * REFERENCE_CPU_SHARE_WARN) {
      report.notes.push(`warning: the reference uses ${Math.round((100 * ref.cpuTimeMs) / meta.limits.cpuMs)} % of the ${meta.limits.cpuMs} ms CPU limit (aim for < 25 %)`);
    }
  }
  if (pyReference && pyResult) {
    try {
      const py = await pyResult;
      if (py.verdict !== "accepted") report.problems.push(`${pyReference.file}: expected accepted, got ${firstFailure(py)}`);
      else report.notes.push(`reference.py accepted in ${py.cpuTimeMs} ms CPU`);
    } catch (e) {
      report.problems.push(`${pyReference.file}: grading failed: ${(e as Error).message}`);
    }
  }
  wrongResults.forEach((r, i) => {
    const w = wrongs[i];
    if (!w) return;
    if (r.status === "rejected") {
      report.problems.push(`${w.solution.file}: grading failed: ${(r.reason as Error).message}`);
      return;
    }
    if (r.value.verdict !== w.verdict) report.problems.push(`${w.solution.file}: expected ${w.verdict}, got ${r.value.verdict === "accepted" ? "accepted" : firstFailure(r.value)}`);
    else report.notes.push(`${w.file}: ${w.verdict} as declared`);
  });
  return report;
}

export async function runProblemsCheck(argv: string[]): Promise<number> {
  const root = problemsRoot();
  // Named slugs go to the round whose folder holds them (unknown ones to coding, which reports them).
  const allDesign = listDesignProblemSlugs(root);
  const allHosts = listTroubleshootingSlugs(root);
  const designSlugs = argv.length > 0 ? argv.filter((s) => allDesign.includes(s)) : allDesign;
  const hostSlugs = argv.length > 0 ? argv.filter((s) => allHosts.includes(s)) : allHosts;
  const slugs = argv.length > 0 ? argv.filter((s) => !allDesign.includes(s) && !allHosts.includes(s)) : listCodingProblemSlugs(root);
  if (slugs.length === 0 && designSlugs.length === 0 && hostSlugs.length === 0) {
    console.error(`no problems under ${root}/coding, ${root}/troubleshooting or ${root}/design`);
    return 1;
  }
  let failed = 0;
  if (slugs.length > 0) failed += await checkCoding(slugs, root);
  for (const slug of designSlugs) {
    const r = checkDesignProblem(slug, root);
    if (!r.ok) failed++;
    console.log(`${r.ok ? "ok  " : "FAIL"} design/${slug}`);
    for (const line of r.lines) console.log(`       ${line}`);
  }
  for (const slug of hostSlugs) {
    const r = await checkTroubleshootingProblem(slug, root);
    if (!r.ok) failed++;
    console.log(`${r.ok ? "ok  " : "FAIL"} troubleshooting/${slug}`);
    for (const line of r.lines) console.log(`       ${line}`);
  }
  const total = slugs.length + designSlugs.length + hostSlugs.length;
  console.log(failed === 0 ? `\n${total} problems proved.` : `\n${failed} of ${total} problems failed the check.`);
  return failed === 0 ? 0 : 1;
}

async function checkCoding(slugs: string[], root: string): Promise<number> {
  const pool = await startCliPool(0);
  let failed = 0;
  try {
    const reports = await Promise.all(slugs.map((slug) => checkOne(pool, slug, root).catch((e: Error): Report => ({ slug, problems: [e.message], notes: [] }))));
    for (const r of reports) {
      const ok = r.problems.length === 0;
      if (!ok) failed++;
      console.log(`${ok ? "ok  " : "FAIL"} coding/${r.slug}`);
      for (const n of r.notes) console.log(`       ${n}`);
      for (const p of r.problems) console.log(`     ✗ ${p}`);
    }
  } finally {
    await pool.close();
  }
  return failed;
}

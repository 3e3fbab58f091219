/**
 * Everything needed to grade a coding problem, hidden parts included:
 * examples, hidden tests from tests.json and generator.ts (expected values
 * from the reference, run in the sandbox), the reference and the optional
 * custom checker. Grader workers and the CLI load this; the web server only
 * ever loads the public parts (problem-files.ts).
 *
 * Loading runs the generator and the reference, so results are cached per
 * process and reloaded when any file of the folder changes.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { MAX_GRADING_LIMITS } from "../limits.ts";
import type { CustomCheck } from "./checkers.ts";
import { assertCaseTypes, codingProblemDir, isFile, loadCodingProblem, readJson, rel, signatureTypes } from "./problem-files.ts";
import { parseWith, ProblemFileError, testsSchema } from "./problem-schema.ts";
import { runCases } from "./run-cases.ts";
import { readReference, type SolutionFile } from "./solutions.ts";
import type { CodingProblemMeta, TestCase } from "./types.ts";
import { describeOutcome } from "./describe-outcome.ts";

export interface GradableProblem {
  meta: CodingProblemMeta;
  dir: string;
  root: string;
  examples: TestCase[];
  hidden: TestCase[];
  reference: SolutionFile;
  checker?: CustomCheck;
}

/** Generated tests must stay small enough to hold in every worker. */
const MAX_GENERATED_TESTS = 500;

const cache = new Map<string, { stamp: string; problem: Promise<GradableProblem> }>();

function folderStamp(dir: string): string {
  const parts: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else parts.push(`${path.relative(dir, p)}:${st.mtimeMs}:${st.size}`);
    }
  };
  walk(dir);
  return parts.join("|");
}

export function loadGradableProblem(slug: string, root: string): Promise<GradableProblem> {
  const dir = codingProblemDir(slug, root);
  const key = `${root}\0${slug}`;
  const stamp = folderStamp(dir);
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) return hit.problem;
  const problem = loadUncached(slug, dir, root, stamp);
  cache.set(key, { stamp, problem });
  // A failed load is not cached: the author fixes the file and tries again.
  problem.catch(() => {
    if (cache.get(key)?.problem === problem) cache.delete(key);
  });
  return problem;
}

async function loadUncached(slug: string, dir: string, root: string, stamp: string): Promise<GradableProblem> {
  const { meta, examples } = loadCodingProblem(slug, root);
  const sig = signatureTypes(meta);
  const reference = readReference(dir, root);

  const hidden: TestCase[] = [];
  const hasTests = isFile(path.join(dir, "tests.json"));
  const hasGenerator = isFile(path.join(dir, "generator.ts"));
  if (!hasTests && !hasGenerator) {
    throw new ProblemFileError(rel(dir, "tests.json", root), [{ path: "", message: "no hidden tests: add tests.json and/or generator.ts" }]);
  }
  if (hasTests) {
    const file = rel(dir, "tests.json", root);
    const tests = parseWith(testsSchema, readJson(dir, "tests.json", root), file) as TestCase[];
    tests.forEach((tc, i) => assertCaseTypes(sig, tc, file, `[${i}]`));
    hidden.push(...tests);
  }
  if (hasGenerator) {
    const generated = await runGenerator(dir, root, meta.seed, stamp);
    const file = rel(dir, "generator.ts", root);
    generated.forEach((args, i) => assertCaseTypes(sig, { args }, file, `generate(${meta.seed})[${i}]`));
    const expected = await referenceOutputs(reference, meta, generated, file);
    generated.forEach((args, i) => hidden.push({ args, expected: expected[i] }));
  }

  let checker: CustomCheck | undefined;
  if (meta.checker.kind === "custom") checker = await importChecker(dir, root, stamp);
  return { meta, dir, root, examples, hidden, reference, ...(checker ? { checker } : {}) };
}

async function runGenerator(dir: string, root: string, seed: number, stamp: string): Promise<unknown[][]> {
  const file = rel(dir, "generator.ts", root);
  let mod: { generate?: unknown };
  try {
    mod = (await import(`${pathToFileURL(path.join(dir, "generator.ts")).href}?v=${encodeURIComponent(hash(stamp))}`)) as { generate?: unknown };
  } catch (e) {
    throw new ProblemFileError(file, [{ path: "", message: `cannot load: ${(e as Error).message}` }]);
  }
  if (typeof mod.generate !== "function") throw new ProblemFileError(file, [{ path: "generate", message: "must export function generate(seed: number): unknown[][]" }]);
  let out: unknown;
  try {
    out = (mod.generate as (seed: number) => unknown)(seed);
  } catch (e) {
    throw new ProblemFileError(file, [{ path: "generate", message: `threw: ${(e as Error).message}` }]);
  }
  if (!Array.isArray(out) || !out.every(Array.isArray)) {
    throw new ProblemFileError(file, [{ path: "generate", message: "must return an array of argument lists" }]);
  }
  if (out.length > MAX_GENERATED_TESTS) {
    throw new ProblemFileError(file, [{ path: "generate", message: `returned ${out.length} tests; at most ${MAX_GENERATED_TESTS}` }]);
  }
  // Round-trip through JSON: tests are JSON data, exactly as a candidate receives them.
  return JSON.parse(JSON.stringify(out)) as unknown[][];
}

/**
 * The reference's outputs for argument lists, run in the sandbox with the
 * ceiling limits (its own CPU budget is proven by `problems check`, not here).
 * Throws ProblemFileError naming `file` when the reference fails on a case.
 */
export async function referenceOutputs(reference: SolutionFile, meta: CodingProblemMeta, cases: unknown[][], file: string): Promise<unknown[]> {
  const r = await runCases({ source: reference.code, lang: reference.lang, entry: meta.entry, limits: { ...MAX_GRADING_LIMITS, memoryMb: Math.max(meta.limits.memoryMb, 256) }, cases });
  if (r.kind !== "ran") {
    throw new ProblemFileError(reference.file, [{ path: "", message: `the reference cannot run: ${r.kind === "compile_error" ? r.error.message : describeOutcome(r.start)}` }]);
  }
  return cases.map((_, i) => {
    const o = r.outcomes[i];
    if (!o) throw new ProblemFileError(file, [{ path: `[${i}]`, message: "the reference was stopped before this case (a limit on an earlier case)" }]);
    if (o.kind !== "ok") throw new ProblemFileError(file, [{ path: `[${i}]`, message: `the reference failed: ${describeOutcome(o)}` }]);
    return o.value;
  });
}

async function importChecker(dir: string, root: string, stamp: string): Promise<CustomCheck> {
  const file = rel(dir, "checker.ts", root);
  if (!isFile(path.join(dir, "checker.ts"))) throw new ProblemFileError(file, [{ path: "", message: 'file is missing (problem.json says "checker": {"kind": "custom"})' }]);
  let mod: { check?: unknown };
  try {
    mod = (await import(`${pathToFileURL(path.join(dir, "checker.ts")).href}?v=${encodeURIComponent(hash(stamp))}`)) as { check?: unknown };
  } catch (e) {
    throw new ProblemFileError(file, [{ path: "", message: `cannot load: ${(e as Error).message}` }]);
  }
  if (typeof mod.check !== "function") throw new ProblemFileError(file, [{ path: "check", message: "must export function check(args, expected, actual)" }]);
  return mod.check as CustomCheck;
}

function hash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

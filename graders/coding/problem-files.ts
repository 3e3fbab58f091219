/**
 * Public parts of coding problem folders: problem.json, statement.md and
 * examples.json. The web server uses this module; it never reads hidden tests,
 * the generator, the reference or the known-wrong solutions (those are read
 * only in grader workers, by hidden-tests.ts and solutions.ts).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_GRADING_LIMITS } from "../limits.ts";
import type { CodingProblemMeta, TestCase } from "./types.ts";
import { examplesSchema, parseWith, problemJsonSchema, ProblemFileError } from "./problem-schema.ts";
import { checkArgs, checkValue, parseType, type TypeNode } from "./types-parser.ts";
import { isFile, listProblemSlugs, problemFolder } from "../problem-folders.ts";

export { isFile } from "../problem-folders.ts";

export { ProblemFileError } from "./problem-schema.ts";

export interface CodingProblem {
  meta: CodingProblemMeta;
  statementMd: string;
  examples: TestCase[];
}

export class ProblemNotFoundError extends Error {
  readonly slug: string;
  constructor(slug: string) {
    super(`no coding problem "${slug}"`);
    this.name = "ProblemNotFoundError";
    this.slug = slug;
  }
}

export function defaultProblemsRoot(): string {
  return path.join(process.cwd(), "problems");
}

/** Folder of one coding problem; throws ProblemNotFoundError for unknown or malformed slugs. */
export function codingProblemDir(slug: string, root: string = defaultProblemsRoot()): string {
  const dir = problemFolder(root, "coding", slug);
  if (!dir) throw new ProblemNotFoundError(slug);
  return dir;
}

/** Slugs of every folder under <root>/coding that has a problem.json, sorted. */
export function listCodingProblemSlugs(root: string = defaultProblemsRoot()): string[] {
  return listProblemSlugs(root, "coding");
}

/** Reads and validates the public parts of one problem. Throws ProblemFileError naming file and field. */
export function loadCodingProblem(slug: string, root: string = defaultProblemsRoot()): CodingProblem {
  const dir = codingProblemDir(slug, root);
  const meta = loadMeta(dir, slug, root);
  const statementMd = readText(dir, "statement.md", root);
  if (statementMd.trim() === "") throw new ProblemFileError(rel(dir, "statement.md", root), [{ path: "", message: "empty statement" }]);
  const file = rel(dir, "examples.json", root);
  const examples = parseWith(examplesSchema, readJson(dir, "examples.json", root), file) as TestCase[];
  const sig = signatureTypes(meta);
  examples.forEach((ex, i) => assertCaseTypes(sig, ex, file, `[${i}]`));
  return { meta, statementMd, examples };
}

/** problem.json, validated and with defaults and limits merged. */
export function loadMeta(dir: string, slug: string, root: string): CodingProblemMeta {
  const file = rel(dir, "problem.json", root);
  const raw = parseWith(problemJsonSchema, readJson(dir, "problem.json", root), file);
  if (raw.slug !== slug) {
    throw new ProblemFileError(file, [{ path: "slug", message: `"${raw.slug}" must equal the folder name "${slug}"` }]);
  }
  const names = new Set<string>();
  raw.params.forEach((p, i) => {
    if (names.has(p.name)) throw new ProblemFileError(file, [{ path: `params[${i}].name`, message: `duplicate parameter "${p.name}"` }]);
    names.add(p.name);
  });
  const limits = { ...DEFAULT_GRADING_LIMITS, ...raw.limits };
  if (limits.wallMs < limits.cpuMs) {
    throw new ProblemFileError(file, [{ path: "limits.wallMs", message: `must be at least cpuMs (${limits.cpuMs})` }]);
  }
  return {
    slug: raw.slug,
    title: raw.title,
    difficulty: raw.difficulty,
    topics: raw.topics,
    entry: raw.entry,
    params: raw.params,
    returns: raw.returns,
    limits,
    checker: raw.checker ?? { kind: "exact" },
    wrong: raw.wrong ?? [],
    seed: raw.seed ?? 1,
  };
}

export interface SignatureTypes {
  params: { name: string; type: TypeNode }[];
  returns: TypeNode;
}

export function signatureTypes(meta: CodingProblemMeta): SignatureTypes {
  return {
    params: meta.params.map((p) => ({ name: p.name, type: parseType(p.type) })),
    returns: parseType(meta.returns),
  };
}

/** Throws ProblemFileError when a case's args or expected value do not match the signature. */
export function assertCaseTypes(sig: SignatureTypes, tc: { args: unknown[]; expected?: unknown }, file: string, at: string): void {
  const argErr = checkArgs(sig.params, tc.args);
  if (argErr) throw new ProblemFileError(file, [{ path: `${at}.args`, message: argErr }]);
  if ("expected" in tc) {
    const retErr = checkValue(sig.returns, tc.expected, "expected");
    if (retErr) throw new ProblemFileError(file, [{ path: at, message: retErr }]);
  }
}

export function rel(dir: string, name: string, root: string): string {
  return path.relative(path.dirname(root), path.join(dir, name));
}

export function readText(dir: string, name: string, root: string): string {
  try {
    return readFileSync(path.join(dir, name), "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ProblemFileError(rel(dir, name, root), [{ path: "", message: code === "ENOENT" ? "file is missing" : String(e) }]);
  }
}

export function readJson(dir: string, name: string, root: string): unknown {
  const text = readText(dir, name, root);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ProblemFileError(rel(dir, name, root), [{ path: "", message: `invalid JSON: ${(e as Error).message}` }]);
  }
}


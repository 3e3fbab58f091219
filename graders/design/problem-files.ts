/**
 * Design problem folders (problems/design/<slug>/):
 *   problem.json          metadata, scale, estimates, rubric, objective checks
 *   prompt.md             the statement shown to candidates
 *   reference/answer.json the reference answer (shown only after submitting)
 *   weak/*.json           known-weak answers with their expected objective score
 * Everything is validated on load; errors name the file and the field.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { isFile, listProblemSlugs, problemFolder } from "../problem-folders.ts";
import { parseAnswer, AnswerError, type DesignAnswer } from "./answer-schema.ts";
import { evaluateFormula, formulaNames, FormulaError } from "./formula.ts";
import { builtinCatalog, extendCatalog, type Catalog } from "./kinds.ts";
import { DesignProblemFileError, parseWith, problemJsonSchema, weakAnswerSchema, type DesignFileIssue, type ProblemJson, type WeakAnswerFile } from "./problem-schema.ts";
import { DIMENSION_EXPONENTS, DIMENSION_WORDS, dimensionOf, parseQuantity, sameDimension } from "./units.ts";

export { DesignProblemFileError } from "./problem-schema.ts";

export interface DesignProblem {
  slug: string;
  dir: string;
  meta: ProblemJson;
  promptMd: string;
  catalog: Catalog;
}

export class DesignProblemNotFoundError extends Error {
  readonly slug: string;
  constructor(slug: string) {
    super(`no design problem "${slug}"`);
    this.name = "DesignProblemNotFoundError";
    this.slug = slug;
  }
}

/** A reference that disagrees with its own formula by more than this is a typo in the problem. */
const REFERENCE_FORMULA_TOLERANCE = 0.2;

export function defaultProblemsRoot(): string {
  return path.join(process.cwd(), "problems");
}

export function designProblemDir(slug: string, root: string = defaultProblemsRoot()): string {
  const dir = problemFolder(root, "design", slug);
  if (!dir) throw new DesignProblemNotFoundError(slug);
  return dir;
}

export function listDesignProblemSlugs(root: string = defaultProblemsRoot()): string[] {
  return listProblemSlugs(root, "design");
}

/** problem.json and prompt.md, validated, including cross-field rules the schema cannot express. */
export function loadDesignProblem(slug: string, root: string = defaultProblemsRoot()): DesignProblem {
  const dir = designProblemDir(slug, root);
  const file = rel(dir, "problem.json", root);
  const meta = parseWith(problemJsonSchema, readJson(dir, "problem.json", root), file);
  let catalog: Catalog;
  try {
    catalog = extendCatalog(builtinCatalog(), meta.aliases);
  } catch (e) {
    throw new DesignProblemFileError(file, [{ path: "aliases", message: (e as Error).message }]);
  }
  const issues = crossCheck(meta, slug, catalog);
  if (issues.length > 0) throw new DesignProblemFileError(file, issues);
  const promptMd = readText(dir, "prompt.md", root);
  if (promptMd.trim() === "") throw new DesignProblemFileError(rel(dir, "prompt.md", root), [{ path: "", message: "empty prompt" }]);
  return { slug, dir, meta, promptMd, catalog };
}

function crossCheck(meta: ProblemJson, slug: string, catalog: Catalog): DesignFileIssue[] {
  const issues: DesignFileIssue[] = [];
  if (meta.slug !== slug) issues.push({ path: "slug", message: `"${meta.slug}" must equal the folder name "${slug}"` });
  const { total, objective } = meta.scoring;
  if (objective * 2 > total) issues.push({ path: "scoring.objective", message: `${objective} is more than half of total ${total}: the human rubric must carry at least half` });
  const human = meta.rubric.reduce((a, r) => a + r.points, 0);
  if (human !== total - objective) issues.push({ path: "rubric", message: `points add up to ${human}, expected total − objective = ${total - objective}` });

  const dims = new Set<string>();
  meta.rubric.forEach((r, i) => {
    if (dims.has(r.id)) issues.push({ path: `rubric[${i}].id`, message: `duplicate dimension "${r.id}"` });
    dims.add(r.id);
  });
  const ids = new Set<string>();
  const kind = (k: string, at: string) => {
    if (!Object.hasOwn(catalog.kinds, k)) issues.push({ path: at, message: `unknown kind "${k}" (see graders/design/aliases.json)` });
  };
  const checkCommon = (c: { id: string; dimension: string }, at: string) => {
    if (ids.has(c.id)) issues.push({ path: `${at}.id`, message: `duplicate check id "${c.id}"` });
    ids.add(c.id);
    if (!dims.has(c.dimension)) issues.push({ path: `${at}.dimension`, message: `"${c.dimension}" is not a rubric dimension id` });
  };
  meta.diagram.forEach((c, i) => {
    const at = `diagram[${i}]`;
    checkCommon(c, at);
    if ("kind" in c) kind(c.kind, `${at}.kind`);
    if ("kinds" in c) c.kinds?.forEach((k, j) => kind(k, `${at}.kinds[${j}]`));
    if ("from" in c) kind(c.from, `${at}.from`);
    if ("to" in c) kind(c.to, `${at}.to`);
    if ("via" in c) kind(c.via, `${at}.via`);
  });
  meta.textChecks.forEach((c, i) => checkCommon(c, `textChecks[${i}]`));
  meta.estimates.forEach((e, i) => {
    const at = `estimates[${i}]`;
    checkCommon(e, at);
    issues.push(...estimateIssues(e, at));
  });
  return issues;
}

function estimateIssues(e: ProblemJson["estimates"][number], at: string): DesignFileIssue[] {
  const issues: DesignFileIssue[] = [];
  const ref = parseQuantity(e.reference);
  if (ref.value <= 0) issues.push({ path: `${at}.reference`, message: "must be positive" });
  if (!e.formula) {
    if (e.inputs.length > 0) issues.push({ path: `${at}.formula`, message: "inputs are given but no formula uses them" });
    return issues;
  }
  const names = formulaNames(e.formula);
  const inputIds = e.inputs.map((x) => x.id);
  for (const n of names) if (!inputIds.includes(n)) issues.push({ path: `${at}.formula`, message: `uses "${n}", which is not an input id` });
  e.inputs.forEach((x, j) => {
    if (!names.includes(x.id)) issues.push({ path: `${at}.inputs[${j}].id`, message: `"${x.id}" is not used by the formula` });
  });
  if (issues.length > 0) return issues;
  try {
    const vars = Object.fromEntries(
      e.inputs.map((x) => {
        const q = parseQuantity(x.reference);
        return [x.id, { value: q.value, exp: DIMENSION_EXPONENTS[q.dimension] }];
      }),
    );
    const v = evaluateFormula(e.formula, vars);
    const dim = dimensionOf(v.exp);
    if (!dim || !sameDimension(dim, ref.dimension)) {
      issues.push({ path: `${at}.formula`, message: `yields ${dim ? DIMENSION_WORDS[dim] : "an unsupported dimension"}, but the reference is ${DIMENSION_WORDS[ref.dimension]}` });
    } else if (Math.abs(v.value - ref.value) > REFERENCE_FORMULA_TOLERANCE * ref.value) {
      issues.push({ path: `${at}.reference`, message: `the formula on the reference inputs gives ${v.value.toPrecision(3)} (base units), which is more than 20 % from the reference ${ref.value.toPrecision(3)}` });
    }
  } catch (err) {
    if (err instanceof FormulaError) issues.push({ path: `${at}.formula`, message: err.message });
    else throw err;
  }
  return issues;
}

/** The reference answer. Server-side only: candidates see it after submitting. */
export function loadReferenceAnswer(p: DesignProblem, root: string = defaultProblemsRoot()): DesignAnswer {
  const dir = path.join(p.dir, "reference");
  const file = rel(dir, "answer.json", root);
  const raw = readJson(dir, "answer.json", root);
  try {
    return parseAnswer(raw);
  } catch (e) {
    if (e instanceof AnswerError) throw new DesignProblemFileError(file, e.issues);
    throw e;
  }
}

export interface WeakAnswer extends WeakAnswerFile {
  file: string;
}

/** Every weak/*.json, sorted by name. */
export function loadWeakAnswers(p: DesignProblem, root: string = defaultProblemsRoot()): WeakAnswer[] {
  const dir = path.join(p.dir, "weak");
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(".json")).sort();
  } catch {
    return [];
  }
  return names.map((n) => {
    const file = rel(dir, n, root);
    const w = parseWith(weakAnswerSchema, readJson(dir, n, root), file);
    if (w.expectObjective.min > w.expectObjective.max) throw new DesignProblemFileError(file, [{ path: "expectObjective", message: "min is above max" }]);
    return { ...w, file };
  });
}

function rel(dir: string, name: string, root: string): string {
  return path.relative(path.dirname(root), path.join(dir, name));
}

function readText(dir: string, name: string, root: string): string {
  try {
    return readFileSync(path.join(dir, name), "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DesignProblemFileError(rel(dir, name, root), [{ path: "", message: code === "ENOENT" ? "file is missing" : String(e) }]);
  }
}

function readJson(dir: string, name: string, root: string): unknown {
  const text = readText(dir, name, root);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new DesignProblemFileError(rel(dir, name, root), [{ path: "", message: `invalid JSON: ${(e as Error).message}` }]);
  }
}


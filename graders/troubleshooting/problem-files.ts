/**
 * Troubleshooting problem folders (problems/troubleshooting/<slug>/):
 *   problem.json   title, difficulty, topics, time box, the scenario that
 *                  builds the host (graders/host/scenarios), ordered hints,
 *                  and the ideal investigation path
 *   statement.md   the symptom, as a user or a pager reports it
 *   root-cause.md  the write-up shown after solving
 * Public parts (statement, title, time box, hint count) and the parts shown
 * only after solving (root cause, ideal path) are separate functions, so a
 * caller cannot hand out the second by accident.
 */
import { z } from "zod";
import { readJson, readText, rel } from "../coding/problem-files.ts";
import { ProblemFileError, formatPath } from "../coding/problem-schema.ts";
import { listProblemSlugs, problemFolder, SLUG } from "../problem-folders.ts";


export const troubleshootingJsonSchema = z.strictObject({
  slug: z.string().regex(SLUG, "lowercase words separated by hyphens"),
  title: z.string().min(1).max(120),
  difficulty: z.enum(["easy", "medium", "hard"]),
  topics: z.array(z.string().min(1).max(40)).max(12),
  timeboxMinutes: z.number().int().min(5).max(180),
  /** Scenario definition that builds and checks the host; defaults to the slug. */
  scenario: z.string().regex(SLUG).optional(),
  hints: z.array(z.string().min(1).max(600)).min(1).max(10),
  idealPath: z.array(z.strictObject({ cmd: z.string().min(1), why: z.string().min(1) })).min(1).max(40),
});

export interface TroubleshootingMeta {
  slug: string;
  title: string;
  difficulty: "easy" | "medium" | "hard";
  topics: string[];
  timeboxMinutes: number;
  scenario: string;
  hintCount: number;
}

export interface TroubleshootingProblem {
  meta: TroubleshootingMeta;
  statementMd: string;
}

export interface TroubleshootingDebrief {
  rootCauseMd: string;
  idealPath: { cmd: string; why: string }[];
}

export class TroubleshootingNotFoundError extends Error {
  constructor(slug: string) {
    super(`no troubleshooting problem "${slug}"`);
    this.name = "TroubleshootingNotFoundError";
  }
}

function dirOf(slug: string, root: string): string {
  const dir = problemFolder(root, "troubleshooting", slug);
  if (!dir) throw new TroubleshootingNotFoundError(slug);
  return dir;
}

function read(dir: string, name: string, root: string): string {
  const text = readText(dir, name, root);
  if (text.trim() === "") throw new ProblemFileError(rel(dir, name, root), [{ path: "", message: "file is empty" }]);
  return text;
}

function loadJson(slug: string, root: string): { dir: string; json: z.infer<typeof troubleshootingJsonSchema> } {
  const dir = dirOf(slug, root);
  const file = rel(dir, "problem.json", root);
  const r = troubleshootingJsonSchema.safeParse(readJson(dir, "problem.json", root));
  if (!r.success) throw new ProblemFileError(file, r.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  if (r.data.slug !== slug) throw new ProblemFileError(file, [{ path: "slug", message: `"${r.data.slug}" must equal the folder name "${slug}"` }]);
  return { dir, json: r.data };
}

export function listTroubleshootingSlugs(root: string): string[] {
  return listProblemSlugs(root, "troubleshooting");
}

export function loadTroubleshootingProblem(slug: string, root: string): TroubleshootingProblem {
  const { dir, json } = loadJson(slug, root);
  return {
    meta: {
      slug: json.slug,
      title: json.title,
      difficulty: json.difficulty,
      topics: json.topics,
      timeboxMinutes: json.timeboxMinutes,
      scenario: json.scenario ?? json.slug,
      hintCount: json.hints.length,
    },
    statementMd: read(dir, "statement.md", root),
  };
}

/** The first `count` hints, in order (one read of problem.json). */
export function loadHints(slug: string, root: string, count: number): string[] {
  return loadJson(slug, root).json.hints.slice(0, Math.max(0, count));
}

/** The root cause and ideal path: only for a candidate who solved it (or a mentor). */
export function loadDebrief(slug: string, root: string): TroubleshootingDebrief {
  const { dir, json } = loadJson(slug, root);
  return { rootCauseMd: read(dir, "root-cause.md", root), idealPath: json.idealPath };
}

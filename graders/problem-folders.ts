/**
 * Where problem folders live, for every round: `<root>/<round>/<slug>/`
 * with a problem.json. One definition of a valid slug and of "this folder is
 * a problem", so every round lists and finds problems the same way.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

export type ProblemRound = "coding" | "troubleshooting" | "design";

/** Lowercase words separated by hyphens; also what keeps a slug from walking out of its folder. */
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The folder of a problem, or null when the slug is malformed or has no problem.json. */
export function problemFolder(root: string, round: ProblemRound, slug: string): string | null {
  if (!SLUG.test(slug)) return null;
  const dir = path.join(root, round, slug);
  return isFile(path.join(dir, "problem.json")) ? dir : null;
}

/** Slugs of every problem folder of a round, sorted; none when the round's folder is missing. */
export function listProblemSlugs(root: string, round: ProblemRound): string[] {
  let names: string[];
  try {
    names = readdirSync(path.join(root, round));
  } catch {
    return [];
  }
  return names.filter((n) => problemFolder(root, round, n) !== null).sort();
}

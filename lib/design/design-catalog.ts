/**
 * Design problems read from problems/design/<slug>/ and kept in memory,
 * reloaded when their files change (the same idea as lib/problems/catalog.ts).
 * The reference answer is cached separately and only services that show it
 * after a submission ask for it.
 */
import { SLUG } from "../../graders/problem-folders.ts";
import { statSync } from "node:fs";
import path from "node:path";
import type { DesignAnswer } from "../../graders/design/answer-schema.ts";
import type { DesignProblem } from "../../graders/design/problem-files.ts";
import { getEnv } from "../env.ts";
import { AppError } from "../errors.ts";
import { moduleLogger } from "../log.ts";
import { listDesignProblemSlugs, loadDesignProblem, loadReferenceAnswer } from "../../graders/design/problem-files.ts";


const problems = new Map<string, { stamp: string; problem: DesignProblem | null }>();
const references = new Map<string, { stamp: string; answer: DesignAnswer | null }>();

function stampOf(files: string[]): string {
  return files
    .map((f) => {
      try {
        const s = statSync(f);
        return `${s.mtimeMs}:${s.size}`;
      } catch {
        return "-";
      }
    })
    .join("|");
}

/** One design problem, or null when missing or malformed (logged with the file and field at fault). */
export async function getDesignCatalogEntry(slug: string, root: string = getEnv().PROBLEMS_DIR): Promise<DesignProblem | null> {
  if (!SLUG.test(slug)) return null;
  const dir = path.join(root, "design", slug);
  const stamp = stampOf([path.join(dir, "problem.json"), path.join(dir, "prompt.md")]);
  if (stamp.startsWith("-")) return null;
  const key = `${root}\u0000${slug}`;
  const hit = problems.get(key);
  if (hit && hit.stamp === stamp) return hit.problem;
  let problem: DesignProblem | null;
  try {
    problem = loadDesignProblem(slug, root);
  } catch (err) {
    moduleLogger("design-catalog").error({ err, slug }, "design problem folder is invalid; hidden from the catalog");
    problem = null;
  }
  problems.set(key, { stamp, problem });
  return problem;
}

/** Every valid design problem, in slug order. */
export async function listDesignCatalog(root: string = getEnv().PROBLEMS_DIR): Promise<DesignProblem[]> {
  const slugs = listDesignProblemSlugs(root);
  const all = await Promise.all(slugs.map((slug) => getDesignCatalogEntry(slug, root)));
  return all.filter((p): p is DesignProblem => p !== null);
}

/** The design problem or 404: shared by every design service that takes a slug. */
export async function requireDesignProblem(slug: string): Promise<DesignProblem> {
  const problem = await getDesignCatalogEntry(slug);
  if (!problem) throw new AppError("not_found", `No design problem "${slug}"`);
  return problem;
}

/** The reference answer; null (logged) when its file is missing or invalid. Server-side only. */
export async function getReferenceAnswer(problem: DesignProblem, root: string = getEnv().PROBLEMS_DIR): Promise<DesignAnswer | null> {
  const stamp = stampOf([path.join(problem.dir, "reference", "answer.json")]);
  const key = `${root}\u0000${problem.slug}`;
  const hit = references.get(key);
  if (hit && hit.stamp === stamp) return hit.answer;
  let answer: DesignAnswer | null;
  try {
    answer = loadReferenceAnswer(problem, root);
  } catch (err) {
    moduleLogger("design-catalog").error({ err, slug: problem.slug }, "reference answer is unreadable");
    answer = null;
  }
  references.set(key, { stamp, answer });
  return answer;
}

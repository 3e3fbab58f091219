/**
 * The public problem catalog, read from problem folders and kept in memory.
 * Problems are files that change rarely (a deploy, or an author editing
 * locally), so each lookup only stats the public files and reloads a problem
 * whose files changed since it was cached; a folder added or removed shows up
 * on the next request, with no restart.
 *
 * Only public parts are read here (problem.json, statement.md, examples.json,
 * via graders/coding/problem-files.ts): hidden tests never enter the web
 * server's memory.
 */
import { SLUG } from "../../graders/problem-folders.ts";
import { statSync } from "node:fs";
import path from "node:path";
import { listCodingProblemSlugs, loadCodingProblem } from "../../graders/coding/problem-files.ts";
import { starterCode } from "../../graders/coding/starter.ts";
import { LANGS, type CodingProblemMeta, type Lang, type TestCase } from "../../graders/coding/types.ts";
import { getEnv } from "../env.ts";
import { moduleLogger } from "../log.ts";
import { renderMarkdown } from "./markdown.ts";

export interface CatalogEntry {
  meta: CodingProblemMeta;
  statementHtml: string;
  examples: TestCase[];
  starter: Record<Lang, string>;
}

const PUBLIC_FILES = ["problem.json", "statement.md", "examples.json"] as const;

const cache = new Map<string, { stamp: string; entry: CatalogEntry | null }>();

function stampOf(dir: string): string {
  return PUBLIC_FILES.map((f) => {
    try {
      const s = statSync(path.join(dir, f));
      return `${s.mtimeMs}:${s.size}`;
    } catch {
      return "-";
    }
  }).join("|");
}

function build(slug: string, root: string): CatalogEntry {
  const { meta, statementMd, examples } = loadCodingProblem(slug, root);
  const starter = Object.fromEntries(LANGS.map((l) => [l, starterCode(meta, l, examples)])) as Record<Lang, string>;
  return { meta, statementHtml: renderMarkdown(statementMd), examples, starter };
}

/**
 * One problem, or null when there is no such folder or it is malformed (the
 * latter is logged with the file and field at fault, once per change).
 */
export function getCatalogEntry(slug: string, root: string = getEnv().PROBLEMS_DIR): CatalogEntry | null {
  // The slug comes from a URL: only plain slugs may become a path.
  if (!SLUG.test(slug)) return null;
  const stamp = stampOf(path.join(root, "coding", slug));
  if (stamp.startsWith("-")) return null; // no problem.json: no such problem
  const key = `${root}\u0000${slug}`;
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) return hit.entry;
  let entry: CatalogEntry | null;
  try {
    entry = build(slug, root);
  } catch (err) {
    moduleLogger("catalog").error({ err, slug }, "problem folder is invalid; hidden from the catalog");
    entry = null;
  }
  cache.set(key, { stamp, entry });
  return entry;
}

/** Every valid problem, in slug order. */
export function listCatalog(root: string = getEnv().PROBLEMS_DIR): CatalogEntry[] {
  return listCodingProblemSlugs(root)
    .map((slug) => getCatalogEntry(slug, root))
    .filter((e): e is CatalogEntry => e !== null);
}

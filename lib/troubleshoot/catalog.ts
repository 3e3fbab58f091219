/** Troubleshooting problems as the app serves them: public parts, statement rendered, 404 for unknown slugs. */
import { listTroubleshootingSlugs, loadTroubleshootingProblem, TroubleshootingNotFoundError, type TroubleshootingMeta } from "../../graders/troubleshooting/problem-files.ts";
import { getEnv } from "../env.ts";
import { AppError } from "../errors.ts";
import { moduleLogger } from "../log.ts";
import { renderMarkdown } from "../problems/markdown.ts";

export interface TroubleshootingEntry {
  meta: TroubleshootingMeta;
  statementHtml: string;
}

export function requireTroubleshooting(slug: string): TroubleshootingEntry {
  try {
    const p = loadTroubleshootingProblem(slug, getEnv().PROBLEMS_DIR);
    return { meta: p.meta, statementHtml: renderMarkdown(p.statementMd) };
  } catch (e) {
    if (e instanceof TroubleshootingNotFoundError) throw new AppError("not_found", `No troubleshooting problem "${slug}"`);
    throw e;
  }
}

/** Every loadable troubleshooting problem; a broken folder is logged and left out of the list. */
export function listTroubleshooting(): TroubleshootingMeta[] {
  const root = getEnv().PROBLEMS_DIR;
  const out: TroubleshootingMeta[] = [];
  for (const slug of listTroubleshootingSlugs(root)) {
    try {
      out.push(loadTroubleshootingProblem(slug, root).meta);
    } catch (e) {
      moduleLogger("troubleshoot").error({ slug, err: (e as Error).message }, "troubleshooting problem folder failed to load");
    }
  }
  return out;
}

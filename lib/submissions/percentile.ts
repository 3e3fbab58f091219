/**
 * Where an accepted submission's CPU time stands (docs/api.md): the share of
 * accepted submissions to the same problem in the same language whose CPU time
 * is greater than or equal to this one's, 0–100, itself included. Computed
 * when read, so it follows the field as others submit. Two indexed counts
 * (Submission_problemSlug_lang_verdict_cpuTimeMs_idx).
 */
import { getDb } from "../db/client.ts";

export async function percentileOf(row: { problemSlug: string; lang: string; verdict: string; cpuTimeMs: number }): Promise<number | null> {
  if (row.verdict !== "accepted") return null;
  const where = { problemSlug: row.problemSlug, lang: row.lang, verdict: "accepted" };
  const db = getDb();
  const [total, slowerOrEqual] = await Promise.all([
    db.submission.count({ where }),
    db.submission.count({ where: { ...where, cpuTimeMs: { gte: row.cpuTimeMs } } }),
  ]);
  if (total === 0) return null;
  return Math.round((1000 * slowerOrEqual) / total) / 10;
}

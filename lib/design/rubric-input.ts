/**
 * Checks that per-dimension input (self-ratings, review scores) covers
 * exactly the rubric dimensions of the graded report, naming each bad field.
 */
import { badRequest, type ErrorIssue } from "../errors.ts";

export function assertCoversDimensions(field: string, given: Record<string, unknown>, dimensions: { id: string }[]): void {
  const ids = new Set(dimensions.map((d) => d.id));
  const issues: ErrorIssue[] = [];
  for (const key of Object.keys(given)) if (!ids.has(key)) issues.push({ path: `${field}.${key}`, message: `not a rubric dimension of this problem (${[...ids].join(", ")})` });
  for (const id of ids) if (!(id in given)) issues.push({ path: `${field}.${id}`, message: "Required: rate every rubric dimension" });
  if (issues.length > 0) throw badRequest(issues);
}

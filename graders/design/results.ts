/** The outcome of one objective check, shared by estimate, diagram and text checks. */

export type CheckStatus = "pass" | "partial" | "fail";

export interface CheckResult {
  id: string;
  /** Rubric dimension this check counts towards. */
  dimension: string;
  title: string;
  status: CheckStatus;
  /** Fraction of the weight earned: 1, 0.5 or 0. */
  credit: number;
  weight: number;
  /** What passed, or a hint that teaches without giving the answer away. */
  message: string;
}

export function result(base: { id: string; dimension: string; title: string; weight?: number }, credit: number, message: string): CheckResult {
  const status: CheckStatus = credit >= 1 ? "pass" : credit > 0 ? "partial" : "fail";
  return { id: base.id, dimension: base.dimension, title: base.title, status, credit, weight: base.weight ?? 1, message };
}

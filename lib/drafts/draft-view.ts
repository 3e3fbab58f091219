import type { Lang } from "../../graders/coding/types.ts";
import type { DraftView } from "../view-types.ts";

export function toDraftView(row: { lang: string; code: string; updatedAt: Date }): DraftView {
  // Rows only ever hold validated langs (LangSchema on the way in).
  return { lang: row.lang as Lang, code: row.code, updatedAt: row.updatedAt.toISOString() };
}

import { answerSchema } from "../../graders/design/answer-schema.ts";
import type { DesignDraftView } from "./view-types.ts";

export function toDesignDraftView(row: { answerJson: string; createdAt: Date; updatedAt: Date }): DesignDraftView {
  // Stored only after validation; parsing again fills defaults added since.
  return { answer: answerSchema.parse(JSON.parse(row.answerJson)), startedAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

/**
 * Reading the JSON columns of design rows back. Everything was validated on
 * the way in; these schemas guard against rows from an older format.
 */
import { z } from "zod";
import { answerSchema, type DesignAnswer } from "../../graders/design/answer-schema.ts";
import type { DesignReport } from "../../graders/design/report.ts";
import { RatingSchema, type Rating } from "./ratings.ts";
import type { DesignReviewScore, ReviewStatus } from "./view-types.ts";

export const SelfRatingsSchema = z.record(z.string(), RatingSchema);
export const ReviewScoresSchema = z.array(z.object({ dimension: z.string(), score: RatingSchema, comment: z.string() }));

export function readAnswer(json: string): DesignAnswer {
  return answerSchema.parse(JSON.parse(json));
}

export function readReport(json: string): DesignReport {
  // Written by gradeDesignAnswer in this codebase; the shape is the grader's own type.
  return JSON.parse(json) as DesignReport;
}

export function readSelfRatings(json: string | null): Record<string, Rating> | null {
  return json === null ? null : SelfRatingsSchema.parse(JSON.parse(json));
}

export function readReviewScores(json: string): DesignReviewScore[] {
  return ReviewScoresSchema.parse(JSON.parse(json));
}

export function readReviewStatus(s: string): ReviewStatus {
  return s === "requested" || s === "reviewed" ? s : "none";
}

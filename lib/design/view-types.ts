/**
 * Design-round shapes that cross to the browser (API JSON and server
 * component props). The public problem view carries no reference values,
 * reference answer or weak answers: those appear only in a submission view,
 * which exists only once its owner has submitted.
 */
import type { DesignAnswer, SectionName } from "../../graders/design/answer-schema.ts";
import type { DesignReport } from "../../graders/design/report.ts";
import type { Difficulty } from "../../graders/coding/types.ts";
import type { Rating } from "./ratings.ts";

export type { DesignAnswer, SectionName } from "../../graders/design/answer-schema.ts";
export type { DesignReport, DimensionReport, ReportCheck } from "../../graders/design/report.ts";

export interface DesignProblemView {
  slug: string;
  round: "design";
  title: string;
  difficulty: Difficulty;
  topics: string[];
  promptHtml: string;
  timeboxMinutes: number;
  scale: { name: string; value: string }[];
  sections: { name: SectionName; title: string }[];
  /** What the candidate must estimate, and the inputs the arithmetic check reads (names only, never values). */
  estimates: { id: string; name: string; ask: string; inputs: { id: string; name: string }[] }[];
  /** Rubric dimensions and their points; what strong and weak look like is shown after submitting. */
  rubric: { id: string; name: string; points: number }[];
  scoring: { total: number; objective: number };
}

export interface DesignDraftView {
  answer: DesignAnswer;
  /** When the candidate first saved: the time box counts from here. */
  startedAt: string;
  updatedAt: string;
}

export type ReviewStatus = "none" | "requested" | "reviewed";

export interface DesignSubmissionSummary {
  id: string;
  slug: string;
  objectivePoints: number;
  objectiveMax: number;
  reviewStatus: ReviewStatus;
  createdAt: string;
}

export interface DesignReviewScore {
  dimension: string;
  score: Rating;
  comment: string;
}

export interface DesignReviewView {
  id: string;
  mentorEmail: string;
  scores: DesignReviewScore[];
  summary: string;
  createdAt: string;
}

export interface DesignSubmissionView extends DesignSubmissionSummary {
  title: string;
  owner: { id: string; email: string };
  answer: DesignAnswer;
  report: DesignReport;
  selfRatings: Record<string, Rating> | null;
  selfRatedAt: string | null;
  reviewRequestedAt: string | null;
  reviews: DesignReviewView[];
  /** The problem's reference answer (sections, estimates, scene): shown because the owner has submitted. */
  reference: DesignAnswer | null;
  /** What the viewer may do with this submission. */
  can: { selfRate: boolean; requestReview: boolean; review: boolean };
}

export interface PendingReviewView {
  id: string;
  slug: string;
  title: string;
  candidateEmail: string;
  objectivePoints: number;
  objectiveMax: number;
  createdAt: string;
  reviewRequestedAt: string;
}

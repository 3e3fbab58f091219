/**
 * The four-point rubric scale used by self-ratings and mentor reviews, and
 * how a rating turns into points of a dimension's human part.
 */
import { z } from "zod";

export const RATINGS = ["strong_no", "no", "yes", "strong_yes"] as const;
export type Rating = (typeof RATINGS)[number];

export const RatingSchema = z.enum(RATINGS, { error: `must be one of: ${RATINGS.join(", ")}` });

export const RATING_LABELS: Record<Rating, string> = {
  strong_no: "Strong no",
  no: "No",
  yes: "Yes",
  strong_yes: "Strong yes",
};

/** Share of a dimension's human points a rating stands for. */
export const RATING_SHARE: Record<Rating, number> = { strong_no: 0, no: 1 / 3, yes: 2 / 3, strong_yes: 1 };

/** Points of the human part implied by ratings (dimension id → rating), rounded to a tenth. */
export function humanPointsFrom(ratings: Record<string, Rating>, rubric: { id: string; humanPoints: number }[]): number {
  const sum = rubric.reduce((a, d) => {
    const r = ratings[d.id];
    return a + (r ? RATING_SHARE[r] * d.humanPoints : 0);
  }, 0);
  return Math.round(sum * 10) / 10;
}

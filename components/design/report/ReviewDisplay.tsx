import type { DesignReviewView, DesignSubmissionView } from "@/lib/design/view-types";
import { formatUtc } from "../../format";
import { RatingChip } from "./RatingScale";
import styles from "./Report.module.css";

/** A mentor's review as the candidate reads it. */
export function ReviewDisplay({ review, dimensions }: { review: DesignReviewView; dimensions: DesignSubmissionView["report"]["dimensions"] }) {
  const name = (id: string) => dimensions.find((d) => d.id === id)?.name ?? id;
  return (
    <div className={styles.review} data-testid="mentor-review">
      <p className={styles.reviewMeta}>
        Reviewed by <strong>{review.mentorEmail}</strong> · {formatUtc(review.createdAt)}
      </p>
      <ul className={styles.reviewScores}>
        {review.scores.map((s) => (
          <li key={s.dimension}>
            <span className={styles.reviewDim}>{name(s.dimension)}</span>
            <RatingChip rating={s.score} />
            {s.comment && <span className={styles.reviewComment}>{s.comment}</span>}
          </li>
        ))}
      </ul>
      {review.summary && <p className={styles.reviewSummary}>{review.summary}</p>}
    </div>
  );
}

import { humanPointsFrom } from "@/lib/design/ratings";
import type { DesignSubmissionView } from "@/lib/design/view-types";
import styles from "./Report.module.css";

function Bar({ points, max, tone }: { points: number; max: number; tone: "ok" | "info" | "purple" }) {
  const pct = max > 0 ? Math.max(0, Math.min(100, (points / max) * 100)) : 0;
  return (
    <div className={styles.bar} aria-hidden="true">
      <div className={`${styles.barFill} ${styles[`fill_${tone}`]}`} style={{ width: `${pct}%` }} />
    </div>
  );
}

/** The score, split plainly into what the program judged and what people judge. */
export function ScorePanel({ submission }: { submission: DesignSubmissionView }) {
  const { report } = submission;
  const rubric = report.dimensions.map((d) => ({ id: d.id, humanPoints: d.humanPoints }));
  const self = submission.selfRatings ? humanPointsFrom(submission.selfRatings, rubric) : null;
  const review = submission.reviews.at(-1);
  const mentor = review ? humanPointsFrom(Object.fromEntries(review.scores.map((s) => [s.dimension, s.score])), rubric) : null;
  return (
    <section className={styles.scorePanel} aria-label="Score">
      <div className={styles.scoreBlock} data-testid="objective-score">
        <div className={styles.scoreLabel}>Objective part · checked by the program</div>
        <div className={styles.scoreValue}>
          {report.objective.points}
          <span className={styles.scoreMax}> / {report.objective.max}</span>
        </div>
        <Bar points={report.objective.points} max={report.objective.max} tone="ok" />
        <p className={styles.scoreNote}>
          Estimates, diagram components and paths, and coverage of requirements, failure modes and operations: at most half of the {report.total} points.
        </p>
      </div>
      <div className={styles.scoreBlock} data-testid="human-score">
        <div className={styles.scoreLabel}>Human part · judged against the rubric</div>
        <div className={styles.scoreValue}>
          {mentor ?? self ?? "—"}
          <span className={styles.scoreMax}> / {report.human.max}</span>
        </div>
        <Bar points={mentor ?? self ?? 0} max={report.human.max} tone={mentor !== null ? "purple" : "info"} />
        <p className={styles.scoreNote}>
          {mentor !== null
            ? `From the mentor's review${self !== null ? ` (your self-rating: ${self})` : ""}.`
            : self !== null
              ? "From your self-rating; a mentor's review replaces it."
              : "Trade-offs, depth and communication no program can judge: rate yourself below and request a mentor review."}
        </p>
      </div>
    </section>
  );
}

import type { Rating } from "@/lib/design/ratings";
import type { DesignReviewScore, DimensionReport } from "@/lib/design/view-types";
import { RatingChip } from "./RatingScale";
import styles from "./Report.module.css";

const MARK = { pass: "✓", partial: "~", fail: "✗" } as const;
const STATUS_LABEL = { pass: "passed", partial: "partly passed", fail: "failed" } as const;

/** One rubric dimension: its objective checks with their teaching messages, and the human ratings. */
export function DimensionCard({ dim, self, mentor }: { dim: DimensionReport; self: Rating | null; mentor: DesignReviewScore | null }) {
  return (
    <article className={styles.dim} data-testid="dimension" aria-labelledby={`dim-${dim.id}`}>
      <header className={styles.dimHead}>
        <h3 id={`dim-${dim.id}`} className={styles.dimName}>
          {dim.name}
        </h3>
        <span className={styles.dimScores}>
          {dim.checks.length > 0 ? (
            <span className={styles.dimObjective} title="Objective points from the checks below">
              objective {dim.objectivePoints}/{dim.objectiveMax}
            </span>
          ) : (
            <span className="muted">no objective checks</span>
          )}
          <span className={styles.dimHuman} title="Points a person awards against the rubric">
            rubric {dim.humanPoints} pts
          </span>
        </span>
      </header>
      {dim.checks.length > 0 && (
        <ul className={styles.checks}>
          {dim.checks.map((c) => (
            <li key={c.id} className={`${styles.check} ${styles[`check_${c.status}`]}`} data-testid="check" data-status={c.status}>
              <span className={styles.checkMark} aria-label={STATUS_LABEL[c.status]}>
                {MARK[c.status]}
              </span>
              <div className={styles.checkBody}>
                <div className={styles.checkTitle}>
                  {c.title}
                  <span className={styles.checkPoints}>
                    {c.points}/{c.maxPoints}
                  </span>
                </div>
                <div className={styles.checkMsg}>{c.message}</div>
              </div>
            </li>
          ))}
        </ul>
      )}
      <details className={styles.rubric}>
        <summary>What strong and weak look like</summary>
        <p>
          <strong>Strong:</strong> {dim.strong}
        </p>
        <p>
          <strong>Weak:</strong> {dim.weak}
        </p>
      </details>
      {(self || mentor) && (
        <div className={styles.dimRatings}>
          {self && (
            <span>
              Your rating: <RatingChip rating={self} />
            </span>
          )}
          {mentor && (
            <span>
              Mentor: <RatingChip rating={mentor.score} />
              {mentor.comment && <span className={styles.dimComment}> “{mentor.comment}”</span>}
            </span>
          )}
        </div>
      )}
    </article>
  );
}

import Link from "next/link";
import type { DesignProblemView, DesignSubmissionSummary } from "@/lib/design/view-types";
import { formatUtc } from "../format";
import styles from "./Design.module.css";

/** The left column: prompt, scale, time box, rubric split, and earlier submissions. */
export function DesignBrief({ problem, submissions }: { problem: DesignProblemView; submissions: DesignSubmissionSummary[] }) {
  const human = problem.scoring.total - problem.scoring.objective;
  return (
    <aside className={styles.brief} aria-label="Problem">
      <div className={`prose ${styles.prompt}`} dangerouslySetInnerHTML={{ __html: problem.promptHtml }} />

      <h2 className={styles.briefHead}>Scale to meet</h2>
      <table className={styles.scale}>
        <tbody>
          {problem.scale.map((s) => (
            <tr key={s.name}>
              <th scope="row">{s.name}</th>
              <td className="mono">{s.value}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className={styles.briefHead}>Time box</h2>
      <p className={styles.briefText}>{problem.timeboxMinutes} minutes, as in the interview.</p>

      <h2 className={styles.briefHead}>How it is scored</h2>
      <p className={styles.briefText}>
        <strong>{problem.scoring.objective}</strong> of {problem.scoring.total} points are checked by the program (estimates, diagram paths, coverage of requirements, failure modes and
        operations). The other <strong>{human}</strong> are the rubric, judged by you and a mentor:
      </p>
      <ul className={styles.rubricList}>
        {problem.rubric.map((r) => (
          <li key={r.id}>
            <span>{r.name}</span>
            <span className="muted">{r.points} pts</span>
          </li>
        ))}
      </ul>

      {submissions.length > 0 && (
        <>
          <h2 className={styles.briefHead}>Your submissions</h2>
          <ul className={styles.history}>
            {submissions.map((s) => (
              <li key={s.id}>
                <Link href={`/design/submissions/${s.id}`} data-testid="design-submission-row">
                  <span className="mono">
                    {s.objectivePoints}/{s.objectiveMax}
                  </span>
                  <span className="muted">{formatUtc(s.createdAt)}</span>
                  {s.reviewStatus !== "none" && <span className="chip">{s.reviewStatus === "requested" ? "review requested" : "reviewed"}</span>}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}

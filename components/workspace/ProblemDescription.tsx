import type { ProblemView } from "@/lib/view-types";
import { LANGUAGE_TIME_FACTOR } from "@/graders/limits";
import { formatSeconds, formatValue } from "../format";
import styles from "./Workspace.module.css";

/** Statement (HTML rendered on the server from the problem's Markdown), signature, examples, limits. */
export function ProblemDescription({ problem }: { problem: ProblemView }) {
  const { limits } = problem;
  return (
    <div className={styles.description}>
      <div className="prose" dangerouslySetInnerHTML={{ __html: problem.statementHtml }} />

      <h2 className={styles.sectionHead}>Signature</h2>
      <pre className={styles.signatureBlock}>
        <span className={styles.kw}>function</span> <span className={styles.fn}>{problem.entry}</span>(
        {problem.params.map((p, i) => (
          <span key={p.name}>
            {i > 0 && ", "}
            {p.name}: <span className={styles.type}>{p.type}</span>
          </span>
        ))}
        ): <span className={styles.type}>{problem.returns}</span>
      </pre>

      {problem.examples.length > 0 && (
        <>
          <h2 className={styles.sectionHead}>Examples</h2>
          {problem.examples.map((ex, i) => (
            <div key={i} className={styles.example}>
              <div className={styles.exampleTitle}>Example {i + 1}</div>
              <div className={styles.ioLabel}>Input</div>
              <pre className={styles.io}>
                {problem.params.map((p, j) => (
                  <span key={p.name} className={styles.ioLine}>
                    <span className={styles.argName}>{p.name}</span> = {formatValue(ex.args[j])}
                  </span>
                ))}
              </pre>
              <div className={styles.ioLabel}>Output</div>
              <pre className={styles.io}>{formatValue(ex.expected)}</pre>
              {ex.explanation && (
                <>
                  <div className={styles.ioLabel}>Explanation</div>
                  <p className={styles.explanation}>{ex.explanation}</p>
                </>
              )}
            </div>
          ))}
        </>
      )}

      <h2 className={styles.sectionHead}>Limits</h2>
      <dl className={styles.limits}>
        <div>
          <dt>CPU time</dt>
          <dd>
            {formatSeconds(limits.cpuMs)} per submission ({formatSeconds(limits.cpuMs * LANGUAGE_TIME_FACTOR.py)} in Python)
          </dd>
        </div>
        <div>
          <dt>Wall time</dt>
          <dd>
            {formatSeconds(limits.wallMs)} ({formatSeconds(limits.wallMs * LANGUAGE_TIME_FACTOR.py)} in Python)
          </dd>
        </div>
        <div>
          <dt>Memory</dt>
          <dd>{limits.memoryMb} MB</dd>
        </div>
        <div>
          <dt>Console output</dt>
          <dd>{limits.outputKb} KB</dd>
        </div>
      </dl>
    </div>
  );
}

import { SECTION_NAMES, SECTION_TITLES } from "@/graders/design/answer-schema";
import type { DesignAnswer } from "@/lib/design/view-types";
import { renderMarkdown } from "@/lib/problems/markdown";
import { DiagramCanvas } from "../DiagramCanvas";
import styles from "./Report.module.css";

/** A whole design answer, read-only: diagram, estimates with their inputs, and every section. */
export function AnswerView({ answer, label }: { answer: DesignAnswer; label: string }) {
  const hasDiagram = answer.diagram.elements.some((e) => !e.isDeleted);
  return (
    <div className={styles.answerView}>
      <h3 className={styles.answerHead}>Diagram</h3>
      {hasDiagram ? (
        <DiagramCanvas label={`${label} diagram`} testId="answer-diagram" scene={answer.diagram} readOnly height={460} />
      ) : (
        <p className="muted">No diagram.</p>
      )}

      <h3 className={styles.answerHead}>Estimates</h3>
      {answer.estimates.length > 0 ? (
        <table className={styles.estTable}>
          <thead>
            <tr>
              <th scope="col">Quantity</th>
              <th scope="col">Value</th>
              <th scope="col">Inputs</th>
            </tr>
          </thead>
          <tbody>
            {answer.estimates.map((e, i) => (
              <tr key={`${e.name}-${i}`}>
                <td>{e.name}</td>
                <td className="mono">{e.value || "—"}</td>
                <td className={styles.estInputs}>{e.inputs && e.inputs.length > 0 ? e.inputs.map((x) => `${x.name} = ${x.value}`).join(" · ") : <span className="muted">none stated</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No estimates.</p>
      )}

      {SECTION_NAMES.map((name) => (
        <section key={name} className={styles.answerSection}>
          <h3 className={styles.answerHead}>{SECTION_TITLES[name]}</h3>
          {answer.sections[name].trim() ? (
            <div className="prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(answer.sections[name]) }} />
          ) : (
            <p className="muted">Left empty.</p>
          )}
        </section>
      ))}
    </div>
  );
}

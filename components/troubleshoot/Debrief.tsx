import type { HostRunView } from "@/lib/troubleshoot/host-run-view";
import styles from "./HostWorkspace.module.css";

function clock(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** After solving: the root cause, the ideal investigation path, and the candidate's own commands with timings beside it. */
export function Debrief({ debrief, startedAt }: { debrief: NonNullable<HostRunView["debrief"]>; startedAt: string }) {
  void startedAt;
  return (
    <div className={styles.debrief} data-testid="debrief">
      <div className="prose" dangerouslySetInnerHTML={{ __html: debrief.rootCauseHtml }} />
      <div className={styles.paths}>
        <div>
          <h3>Ideal path</h3>
          <ol className={styles.path}>
            {debrief.idealPath.map((s, i) => (
              <li key={i}>
                <code>{s.cmd}</code>
                <span className="muted">{s.why}</span>
              </li>
            ))}
          </ol>
        </div>
        <div>
          <h3>Your path ({debrief.transcript.length} commands)</h3>
          <ol className={styles.path} data-testid="transcript">
            {debrief.transcript.map((e, i) => (
              <li key={i}>
                <span className={`mono ${styles.at}`}>{clock(e.wallMs)}</span>
                <code>{e.cmd}</code>
                {e.exitCode !== 0 && <span className={styles.exit}>exit {e.exitCode}</span>}
              </li>
            ))}
          </ol>
        </div>
      </div>
    </div>
  );
}

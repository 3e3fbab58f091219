"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { EstimateAnswer, Scene, SectionName } from "@/graders/design/answer-schema";
import type { DesignAnswer, DesignDraftView, DesignProblemView, DesignSubmissionSummary, DesignSubmissionView } from "@/lib/design/view-types";
import { api, ApiError, type ApiIssue } from "../api";
import { CountdownTimer } from "./CountdownTimer";
import { DesignBrief } from "./DesignBrief";
import { DiagramCanvas } from "./DiagramCanvas";
import { EstimatesTable } from "./EstimatesTable";
import { MarkdownField } from "./MarkdownField";
import { RequirementsField } from "./RequirementsField";
import { SaveIndicator } from "./SaveIndicator";
import { SECTION_GUIDES } from "./section-guides";
import { useDesignAutosave } from "./useDesignAutosave";
import { DifficultyBadge } from "../badges";
import styles from "./Design.module.css";

export interface DesignWorkspaceProps {
  problem: DesignProblemView;
  signedIn: boolean;
  draft: DesignDraftView | null;
  submissions: DesignSubmissionSummary[];
}

function emptyAnswer(problem: DesignProblemView): DesignAnswer {
  return {
    version: 1,
    sections: Object.fromEntries(problem.sections.map((s) => [s.name, ""])) as DesignAnswer["sections"],
    estimates: [],
    diagram: { type: "excalidraw", elements: [] },
  };
}

const TIMER_KEY = (slug: string) => `prodloop.design.timer.${slug}`;

/** Short names for the section bar, so it fits on one line. */
const TOC_LABELS: Record<SectionName, string> = {
  requirements: "Requirements",
  estimates: "Estimates",
  api: "API",
  dataModel: "Data model",
  highLevel: "High-level + diagram",
  deepDives: "Deep dives",
  failureModes: "Failure modes",
  operations: "Operations",
  tradeoffs: "Trade-offs",
};

export function DesignWorkspace({ problem, signedIn, draft, submissions }: DesignWorkspaceProps) {
  const router = useRouter();
  const slug = problem.slug;
  const [answer, setAnswer] = useState<DesignAnswer>(() => draft?.answer ?? emptyAnswer(problem));
  const answerRef = useRef(answer);
  const { save, startedAt, schedule, flush } = useDesignAutosave(slug, signedIn, draft);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<{ message: string; issues: ApiIssue[] } | null>(null);

  // The time box starts at the first save (server time), or now; "Restart" moves it to now.
  const [restartAt, setRestartAt] = useState<number | null>(null);
  const [mountedAt] = useState(() => Date.now());
  useEffect(() => {
    const v = Number(localStorage.getItem(TIMER_KEY(slug)));
    if (Number.isFinite(v) && v > 0) setRestartAt(v);
  }, [slug]);
  const timerStart = Math.max(startedAt ? Date.parse(startedAt) : mountedAt, restartAt ?? 0);
  const restartTimer = () => {
    const now = Date.now();
    localStorage.setItem(TIMER_KEY(slug), String(now));
    setRestartAt(now);
  };

  const change = useCallback(
    (patch: (a: DesignAnswer) => DesignAnswer) => {
      const next = patch(answerRef.current);
      answerRef.current = next;
      setAnswer(next);
      schedule(next);
    },
    [schedule],
  );
  const setSection = (name: SectionName, text: string) => change((a) => ({ ...a, sections: { ...a.sections, [name]: text } }));
  const setEstimates = useCallback((estimates: EstimateAnswer[]) => change((a) => ({ ...a, estimates })), [change]);
  const setDiagram = useCallback((diagram: Scene) => change((a) => ({ ...a, diagram })), [change]);

  async function submit() {
    if (submitting) return;
    setError(null);
    if (!signedIn) {
      setError({ message: "Sign in to submit your design.", issues: [] });
      return;
    }
    setSubmitting(true);
    try {
      await flush();
      const res = await api<{ submission: DesignSubmissionView }>(`/api/design/problems/${encodeURIComponent(slug)}/submit`, { method: "POST", body: { answer: answerRef.current } });
      router.push(`/design/submissions/${res.submission.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? { message: e.message, issues: e.issues } : { message: "Submitting failed. Try again.", issues: [] });
      setSubmitting(false);
    }
  }

  const title = (name: SectionName) => problem.sections.find((s) => s.name === name)?.title ?? name;
  const field = (name: Exclude<SectionName, "requirements">, rows = 7, label = title(name)) => (
    <MarkdownField label={label} value={answer.sections[name]} rows={rows} placeholder={SECTION_GUIDES[name]} onChange={(v) => setSection(name, v)} />
  );
  const filled = (name: SectionName) => answer.sections[name].trim() !== "";

  return (
    <div className={styles.page}>
      <header className={styles.bar}>
        <div className={styles.barTitle}>
          <div className={styles.crumbs}>
            <Link href="/problems?round=design">Design problems</Link>
            <span aria-hidden="true">/</span>
            <span className="mono">{slug}</span>
          </div>
          <h1 className={styles.title}>
            {problem.title} <DifficultyBadge difficulty={problem.difficulty} />
          </h1>
        </div>
        <span className={styles.grow} />
        <CountdownTimer startedAt={timerStart} minutes={problem.timeboxMinutes} onRestart={restartTimer} />
        <SaveIndicator save={save} signedIn={signedIn} />
        <button type="button" className="btn btn-primary" onClick={() => void submit()} disabled={submitting}>
          {submitting ? (
            <>
              <span className="spinner" aria-hidden="true" /> Grading…
            </>
          ) : (
            "Submit design"
          )}
        </button>
      </header>
      {!signedIn && (
        <div className={`alert alert-info ${styles.banner}`}>
          You can sketch here, but nothing is saved. <Link href={`/login?next=${encodeURIComponent(`/design/${slug}`)}`}>Sign in</Link> to autosave and submit.
        </div>
      )}
      {error && (
        <div className={`alert alert-error ${styles.banner}`} role="alert">
          {error.message}
          {error.issues.length > 1 && (
            <ul>
              {error.issues.slice(1, 6).map((i) => (
                <li key={i.path}>
                  <code>{i.path}</code>: {i.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      <div className={styles.layout}>
        <DesignBrief problem={problem} submissions={submissions} />

        <div className={styles.answer}>
          <nav className={styles.toc} aria-label="Answer sections">
            {problem.sections.map((s) => (
              <a key={s.name} href={`#sec-${s.name}`} className={`${styles.tocLink} ${filled(s.name) ? styles.tocDone : ""}`}>
                {TOC_LABELS[s.name]}
              </a>
            ))}
          </nav>

          <section id="sec-requirements" className={styles.section}>
            <h2 className={styles.sectionTitle}>{title("requirements")}</h2>
            <RequirementsField value={answer.sections.requirements} onChange={(v) => setSection("requirements", v)} />
          </section>

          <section id="sec-estimates" className={styles.section}>
            <h2 className={styles.sectionTitle}>{title("estimates")}</h2>
            <p className={styles.sectionNote}>Each value is a number with a unit; the grader checks magnitude, and re-runs your arithmetic from the inputs you list.</p>
            <EstimatesTable asks={problem.estimates} initial={answer.estimates} onChange={setEstimates} />
            {field("estimates", 5, "Your working")}
          </section>

          <section id="sec-api" className={styles.section}>
            <h2 className={styles.sectionTitle}>{title("api")}</h2>
            {field("api")}
          </section>

          <section id="sec-dataModel" className={styles.section}>
            <h2 className={styles.sectionTitle}>{title("dataModel")}</h2>
            {field("dataModel")}
          </section>

          <section id="sec-highLevel" className={styles.section}>
            <h2 className={styles.sectionTitle}>{title("highLevel")}</h2>
            <p className={styles.sectionNote}>
              Draw boxes (<kbd>R</kbd>) and name each component inside it (press <kbd>Enter</kbd> on a selected box and type, e.g. “LB”, “Kafka”, “Redis”,
              “Postgres replica”). Connect them with arrows (<kbd>A</kbd>) drawn from the edge of one box to the edge of the other: an outline highlights when the end
              attaches. The grader reads the boxes, their labels and the arrows between them.
            </p>
            <DiagramCanvas label="Architecture diagram" testId="diagram" scene={answer.diagram} onChange={setDiagram} height={560} />
            {field("highLevel")}
          </section>

          <section id="sec-deepDives" className={styles.section}>
            <h2 className={styles.sectionTitle}>{title("deepDives")}</h2>
            {field("deepDives")}
          </section>

          <section id="sec-failureModes" className={styles.section}>
            <h2 className={styles.sectionTitle}>{title("failureModes")}</h2>
            {field("failureModes")}
          </section>

          <section id="sec-operations" className={styles.section}>
            <h2 className={styles.sectionTitle}>{title("operations")}</h2>
            {field("operations")}
          </section>

          <section id="sec-tradeoffs" className={styles.section}>
            <h2 className={styles.sectionTitle}>{title("tradeoffs")}</h2>
            {field("tradeoffs")}
          </section>

          <div className={styles.submitRow}>
            <p className="muted">
              Submitting grades the objective part ({problem.scoring.objective} of {problem.scoring.total} points) and shows the reference answer. You can keep editing and submit again.
            </p>
            <button type="button" className="btn btn-primary btn-lg" onClick={() => void submit()} disabled={submitting}>
              {submitting ? "Grading…" : "Submit design"}
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}

"use client";

import Link from "next/link";
import type { GradeError, GradeResult, Lang, TestResult } from "@/graders/coding/types";
import { VERDICT_LABELS } from "@/graders/coding/verdicts";
import type { ProblemView, SubmissionView } from "@/lib/view-types";
import type { ApiIssue } from "../api";
import { VerdictText } from "../badges";
import { formatBytes, formatMs, formatValue, LANG_LABELS } from "../format";
import styles from "./Result.module.css";

export type ResultState =
  | { kind: "run"; result: GradeResult; lang: Lang }
  | { kind: "submit"; submission: SubmissionView }
  | { kind: "error"; mode: "run" | "submit"; message: string; issues?: ApiIssue[] }
  | { kind: "signin"; mode: "run" | "submit" };

type Params = ProblemView["params"];

/** The right-hand result area of the workspace (data-testid="result"). */
export function ResultPanel({ state, running, problem }: { state: ResultState | null; running: "run" | "submit" | null; problem: ProblemView }) {
  return (
    <div className={styles.panel} data-testid="result" aria-live="polite" aria-busy={running !== null}>
      {running ? (
        <div className={styles.placeholder}>
          <span className="spinner" aria-hidden="true" />
          {running === "run" ? "Running the examples…" : "Grading against all tests…"}
        </div>
      ) : !state ? (
        <div className={styles.placeholder}>
          <span>
            <strong>Run</strong> checks your code against the examples{" "}
            <span className="muted">(and your custom input)</span>. <strong>Submit</strong> grades it against every
            test, hidden ones included.
          </span>
        </div>
      ) : state.kind === "signin" ? (
        <div className={styles.notice}>
          <p>
            Sign in to {state.mode === "run" ? "run" : "submit"} your code. Your draft stays in the editor on this page.
          </p>
          <div className={styles.noticeActions}>
            <Link href={`/login?next=${encodeURIComponent(`/problems/${problem.slug}`)}`} className="btn btn-primary btn-sm">
              Sign in
            </Link>
            <Link href={`/signup?next=${encodeURIComponent(`/problems/${problem.slug}`)}`} className="btn btn-sm">
              Create an account
            </Link>
          </div>
        </div>
      ) : state.kind === "error" ? (
        <div className="alert alert-error" role="alert">
          <strong>{state.mode === "run" ? "Run failed" : "Submit failed"}:</strong> {state.message}
          {state.issues && state.issues.length > 0 && (
            <ul className={styles.issues}>
              {state.issues.map((i, k) => (
                <li key={k}>
                  <code>{i.path || "(request)"}</code> {i.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : state.kind === "run" ? (
        <RunResult result={state.result} params={problem.params} />
      ) : (
        <SubmitResult submission={state.submission} params={problem.params} showLink />
      )}
    </div>
  );
}

function RunResult({ result, params }: { result: GradeResult; params: Params }) {
  const examples = result.tests.filter((t) => !t.custom);
  const custom = result.tests.filter((t) => t.custom);
  const examplesPassed = examples.filter((t) => t.verdict === "accepted").length;
  return (
    <div>
      <div className={styles.runHead}>
        <VerdictText verdict={result.verdict} className={styles.runVerdict} />
        <span className={styles.stat}>
          {examplesPassed} / {examples.length} examples passed
          {custom.length > 0 && ` · ${custom.length} custom`}
        </span>
        <span className={styles.stat}>CPU {formatMs(result.cpuTimeMs)}</span>
        {result.memoryBytes > 0 && <span className={styles.stat}>Memory {formatBytes(result.memoryBytes)}</span>}
      </div>
      {result.error && <ErrorBlock error={result.error} />}
      <div className={styles.cards}>
        {result.tests.map((t, i) => {
          const n = t.custom ? custom.indexOf(t) + 1 : examples.indexOf(t) + 1;
          return <TestCard key={i} test={t} title={t.custom ? `Custom ${n}` : `Example ${n}`} params={params} customExpected={Boolean(t.custom)} />;
        })}
      </div>
    </div>
  );
}

export function SubmitResult({ submission, params, showLink }: { submission: SubmissionView; params: Params; showLink?: boolean }) {
  const { result } = submission;
  const firstVisible = result.tests.find((t) => !t.hidden && t.verdict !== "accepted");
  const firstHidden = result.tests.find((t) => t.hidden && t.verdict !== "accepted");
  const accepted = submission.verdict === "accepted";
  return (
    <div>
      <div className={styles.submitHead}>
        <VerdictText verdict={submission.verdict} className={styles.bigVerdict} testId="verdict" />
        <span className={styles.passed} data-testid="passed-count">
          {submission.passed} / {submission.total} tests passed
        </span>
        {showLink && (
          <Link href={`/submissions/${submission.id}`} className={styles.permalink}>
            View submission →
          </Link>
        )}
      </div>
      <div className={styles.metrics}>
        <div className={styles.metric}>
          <span className={styles.metricLabel}>CPU time</span>
          <span className={styles.metricValue}>{formatMs(submission.cpuTimeMs)}</span>
        </div>
        <div className={styles.metric}>
          <span className={styles.metricLabel}>Memory</span>
          <span className={styles.metricValue}>{formatBytes(submission.memoryBytes)}</span>
        </div>
        <div className={styles.metric}>
          <span className={styles.metricLabel}>Language</span>
          <span className={styles.metricValue}>{LANG_LABELS[submission.lang]}</span>
        </div>
        {accepted && submission.percentile !== null && (
          <div className={`${styles.metric} ${styles.metricWide}`}>
            <span className={styles.metricLabel}>Runtime</span>
            <span className={styles.metricValue} data-testid="percentile">
              Faster than {formatPercent(submission.percentile)} of accepted {LANG_LABELS[submission.lang]} submissions
            </span>
          </div>
        )}
      </div>
      {result.error && <ErrorBlock error={result.error} />}
      {firstVisible && (
        <TestCard test={firstVisible} title={`First failing test: example ${firstVisible.index + 1}`} params={params} />
      )}
      {firstHidden && (
        <div className={styles.hiddenFail}>
          Hidden test #{firstHidden.index + 1} failed: <VerdictText verdict={firstHidden.verdict} />
          <span className={styles.hiddenNote}>Inputs of hidden tests are not shown.</span>
        </div>
      )}
      {accepted && <p className={styles.allPassed}>All {submission.total} tests passed, hidden ones included.</p>}
    </div>
  );
}

function formatPercent(p: number): string {
  const v = Math.max(0, Math.min(100, p));
  return `${v >= 10 || Number.isInteger(v) ? Math.round(v) : v.toFixed(1)}%`;
}

function TestCard({ test, title, params, customExpected }: { test: TestResult; title: string; params: Params; customExpected?: boolean }) {
  const ok = test.verdict === "accepted";
  return (
    <article className={`${styles.card} ${ok ? styles.cardOk : styles.cardBad}`}>
      <header className={styles.cardHead}>
        <span className={styles.cardTitle}>{title}</span>
        <span className={`${styles.badge} ${ok ? styles.badgeOk : styles.badgeBad}`}>{ok ? "✓ Passed" : `✗ ${VERDICT_LABELS[test.verdict]}`}</span>
        <span className={styles.grow} />
        <span className={styles.time}>{formatMs(test.timeMs)}</span>
      </header>
      {test.input !== undefined && (
        <Field label="Input">
          {params.length === test.input.length
            ? params.map((p, j) => (
                <span key={p.name} className={styles.ioLine}>
                  <span className={styles.argName}>{p.name}</span> = {formatValue(test.input?.[j])}
                </span>
              ))
            : formatValue(test.input)}
        </Field>
      )}
      {"expected" in test && <Field label={customExpected ? "Expected (reference solution)" : "Expected"}>{formatValue(test.expected)}</Field>}
      {"actual" in test && (
        <Field label="Output" tone={ok ? undefined : "bad"}>
          {formatValue(test.actual)}
        </Field>
      )}
      {test.message && (
        <Field label="Message" tone="bad">
          {test.message}
        </Field>
      )}
      {test.stdout ? <Field label="Console output">{test.stdout}</Field> : null}
    </article>
  );
}

function Field({ label, children, tone }: { label: string; children: React.ReactNode; tone?: "bad" }) {
  return (
    <div className={styles.field}>
      <div className={styles.fieldLabel}>{label}</div>
      <pre className={`${styles.fieldValue}${tone === "bad" ? ` ${styles.fieldBad}` : ""}`}>{children}</pre>
    </div>
  );
}

const ERROR_TITLES: Record<GradeError["kind"], string> = {
  compile: "Compile error",
  runtime: "Runtime error",
  limit: "Limit exceeded",
  internal: "Grader error",
};

function ErrorBlock({ error }: { error: GradeError }) {
  const where = error.line !== undefined ? ` at line ${error.line}${error.column !== undefined ? `:${error.column}` : ""}` : "";
  return (
    <div className={styles.errorBlock} role="alert">
      <div className={styles.errorTitle}>
        {ERROR_TITLES[error.kind] ?? "Error"}
        {where}
      </div>
      <pre className={styles.errorMessage}>{error.message}</pre>
      {error.stack && error.stack !== error.message && <pre className={styles.stack}>{error.stack}</pre>}
    </div>
  );
}

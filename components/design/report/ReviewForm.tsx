"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Rating } from "@/lib/design/ratings";
import type { DesignSubmissionView } from "@/lib/design/view-types";
import { api, ApiError } from "../../api";
import { RatingScale } from "./RatingScale";
import styles from "./Report.module.css";

/** A mentor scores every rubric dimension, with a comment each and an overall summary. */
export function ReviewForm({ submission }: { submission: DesignSubmissionView }) {
  const router = useRouter();
  const dims = submission.report.dimensions;
  const [scores, setScores] = useState<Record<string, { score: Rating | null; comment: string }>>(() => Object.fromEntries(dims.map((d) => [d.id, { score: null, comment: "" }])));
  const [summary, setSummary] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const complete = dims.every((d) => scores[d.id]?.score);

  async function send() {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/design/submissions/${submission.id}/review`, { method: "POST", body: { scores, summary } });
      router.refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "Could not submit the review");
      setBusy(false);
    }
  }

  return (
    <form
      className={styles.rateForm}
      aria-label="Mentor review"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      {dims.map((d) => (
        <fieldset key={d.id} className={styles.rateRow}>
          <legend className={styles.rateName}>
            {d.name} <span className="muted">· {d.humanPoints} pts · objective {d.objectivePoints}/{d.objectiveMax}</span>
          </legend>
          <p className={styles.rateHelp}>
            <strong>Strong:</strong> {d.strong} <strong>Weak:</strong> {d.weak}
          </p>
          <RatingScale name={`review-${d.id}`} label={d.name} value={scores[d.id]?.score ?? null} onChange={(r) => setScores((x) => ({ ...x, [d.id]: { score: r, comment: x[d.id]?.comment ?? "" } }))} />
          <textarea
            className={`textarea ${styles.comment}`}
            rows={2}
            aria-label={`${d.name} comment`}
            placeholder="What was strong, what was missing, what to practise"
            value={scores[d.id]?.comment ?? ""}
            onChange={(e) => setScores((x) => ({ ...x, [d.id]: { score: x[d.id]?.score ?? null, comment: e.target.value } }))}
          />
        </fieldset>
      ))}
      <label className={styles.rateName} htmlFor="review-summary">
        Summary
      </label>
      <textarea id="review-summary" className={`textarea ${styles.comment}`} rows={4} value={summary} onChange={(e) => setSummary(e.target.value)} placeholder="Overall impression and the next thing to work on" />
      <div className={styles.formFoot}>
        <button type="submit" className="btn btn-primary" disabled={!complete || busy}>
          {busy ? "Submitting…" : "Submit review"}
        </button>
        {!complete && <span className="muted">Score every dimension to submit.</span>}
        {error && <span className={styles.badText}>{error}</span>}
      </div>
    </form>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { humanPointsFrom, type Rating } from "@/lib/design/ratings";
import type { DesignSubmissionView } from "@/lib/design/view-types";
import { api, ApiError } from "../../api";
import { RatingScale } from "./RatingScale";
import styles from "./Report.module.css";

/** The candidate rates each rubric dimension against what strong and weak look like. */
export function SelfRatingForm({ submission }: { submission: DesignSubmissionView }) {
  const router = useRouter();
  const dims = submission.report.dimensions;
  const [ratings, setRatings] = useState<Record<string, Rating | null>>(() => Object.fromEntries(dims.map((d) => [d.id, submission.selfRatings?.[d.id] ?? null])));
  const [state, setState] = useState<{ kind: "idle" | "saving" | "saved" } | { kind: "error"; message: string }>({ kind: submission.selfRatings ? "saved" : "idle" });
  const complete = dims.every((d) => ratings[d.id]);
  const implied = complete ? humanPointsFrom(ratings as Record<string, Rating>, dims) : null;

  async function save() {
    setState({ kind: "saving" });
    try {
      await api(`/api/design/submissions/${submission.id}/self-rating`, { method: "PUT", body: { ratings } });
      setState({ kind: "saved" });
      router.refresh();
    } catch (e) {
      setState({ kind: "error", message: e instanceof ApiError ? e.message : "Could not save the ratings" });
    }
  }

  return (
    <form
      className={styles.rateForm}
      aria-label="Rate yourself"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {dims.map((d) => (
        <fieldset key={d.id} className={styles.rateRow}>
          <legend className={styles.rateName}>
            {d.name} <span className="muted">· {d.humanPoints} pts</span>
          </legend>
          <p className={styles.rateHelp}>
            <strong>Strong:</strong> {d.strong}
          </p>
          <RatingScale
            name={`self-${d.id}`}
            label={d.name}
            value={ratings[d.id] ?? null}
            onChange={(r) => {
              setRatings((x) => ({ ...x, [d.id]: r }));
              setState({ kind: "idle" });
            }}
          />
        </fieldset>
      ))}
      <div className={styles.formFoot}>
        <button type="submit" className="btn btn-primary" disabled={!complete || state.kind === "saving"}>
          {state.kind === "saving" ? "Saving…" : "Save self-rating"}
        </button>
        {implied !== null && (
          <span className="muted">
            ≈ {implied} of {submission.report.human.max} rubric points
          </span>
        )}
        {state.kind === "saved" && <span className={styles.okText}>Saved</span>}
        {state.kind === "error" && <span className={styles.badText}>{state.message}</span>}
        {!complete && <span className="muted">Rate every dimension to save.</span>}
      </div>
    </form>
  );
}

"use client";

import { RATING_LABELS, RATINGS, type Rating } from "@/lib/design/ratings";
import styles from "./Report.module.css";

/** The four-point rubric scale as a radio group (strong no … strong yes). */
export function RatingScale({ name, label, value, onChange, disabled }: { name: string; label: string; value: Rating | null; onChange: (r: Rating) => void; disabled?: boolean }) {
  return (
    <div className={styles.scaleGroup} role="radiogroup" aria-label={label}>
      {RATINGS.map((r) => (
        <label key={r} className={`${styles.scaleOption} ${styles[`rate_${r}`] ?? ""} ${value === r ? styles.scaleOn : ""}`}>
          <input type="radio" name={name} value={r} checked={value === r} disabled={disabled} onChange={() => onChange(r)} />
          <span>{RATING_LABELS[r]}</span>
        </label>
      ))}
    </div>
  );
}

export function RatingChip({ rating }: { rating: Rating }) {
  return <span className={`${styles.ratingChip} ${styles[`rate_${rating}`] ?? ""}`}>{RATING_LABELS[rating]}</span>;
}

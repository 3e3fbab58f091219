"use client";

import { DIMENSION_WORDS, formatQuantity, tryParseQuantity } from "@/graders/design/units";
import styles from "./Design.module.css";

/** A value with a unit (`35k/s`, `1.2 TB`) and, as you type, what the grader reads it as. */
export function QuantityInput({ value, onChange, label, placeholder }: { value: string; onChange: (v: string) => void; label: string; placeholder?: string }) {
  const parsed = value.trim() === "" ? null : tryParseQuantity(value);
  return (
    <span className={styles.qty}>
      <input className={`input ${styles.qtyInput}`} value={value} placeholder={placeholder} aria-label={label} aria-invalid={parsed?.ok === false} onChange={(e) => onChange(e.target.value)} />
      {parsed && (
        <span className={parsed.ok ? styles.qtyOk : styles.qtyBad} role="status">
          {parsed.ok ? `= ${formatQuantity(parsed.quantity)} · ${DIMENSION_WORDS[parsed.quantity.dimension]}` : parsed.error.replace(/^"[^"]*": /, "")}
        </span>
      )}
    </span>
  );
}

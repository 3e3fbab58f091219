"use client";

import { useDeferredValue, useId, useMemo } from "react";
import { renderMarkdown } from "@/lib/problems/markdown";
import styles from "./Design.module.css";

export interface MarkdownFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  rows?: number;
  hint?: string;
}

function wordCount(s: string): number {
  const m = s.match(/[\p{L}\p{N}][\p{L}\p{N}'’._/-]*/gu);
  return m ? m.length : 0;
}

/** A Markdown textarea with a live preview beside it (rendered with the statement renderer: raw HTML shows as text). */
export function MarkdownField({ label, value, onChange, placeholder, rows = 8, hint }: MarkdownFieldProps) {
  const id = useId();
  const deferred = useDeferredValue(value);
  const html = useMemo(() => renderMarkdown(deferred), [deferred]);
  const words = wordCount(value);
  return (
    <div className={styles.mdField}>
      <div className={styles.mdHead}>
        <label htmlFor={id} className={styles.mdLabel}>
          {label}
        </label>
        {hint && <span className={styles.mdHint}>{hint}</span>}
        <span className={styles.grow} />
        <span className={styles.wordCount}>
          {words} {words === 1 ? "word" : "words"}
        </span>
      </div>
      <div className={styles.mdBody}>
        <textarea
          id={id}
          className={`textarea ${styles.mdInput}`}
          value={value}
          rows={rows}
          placeholder={placeholder}
          spellCheck
          onChange={(e) => onChange(e.target.value)}
        />
        <div className={`prose ${styles.mdPreview}`} aria-label={`${label} preview`} data-testid="md-preview">
          {value.trim() === "" ? <p className={styles.previewEmpty}>Preview appears here as you type Markdown.</p> : <div dangerouslySetInnerHTML={{ __html: html }} />}
        </div>
      </div>
    </div>
  );
}

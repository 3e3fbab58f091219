"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { SubmissionSummary } from "@/lib/view-types";
import { api, ApiError } from "../api";
import { VerdictText } from "../badges";
import { formatBytes, formatMs, formatUtc, LANG_LABELS, timeAgo } from "../format";
import styles from "./Workspace.module.css";

/** This user's submissions to one problem, newest first. Re-fetched when `version` changes. */
export function SubmissionsList({ slug, version }: { slug: string; version: number }) {
  const [items, setItems] = useState<SubmissionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const ctrl = new AbortController();
    setError(null);
    api<{ submissions: SubmissionSummary[] }>(`/api/problems/${encodeURIComponent(slug)}/submissions`, { signal: ctrl.signal })
      .then((r) => {
        setItems(r.submissions);
        setNow(Date.now());
      })
      .catch((e: unknown) => {
        if (e instanceof DOMException && e.name === "AbortError") return;
        setError(e instanceof ApiError ? e.message : "Could not load submissions.");
      });
    return () => ctrl.abort();
  }, [slug, version]);

  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);

  if (error)
    return (
      <div className="alert alert-error" role="alert" style={{ margin: 16 }}>
        {error}
      </div>
    );
  if (!items)
    return (
      <div className={styles.listEmpty}>
        <span className="spinner" aria-hidden="true" /> Loading submissions…
      </div>
    );
  if (items.length === 0)
    return <div className={styles.listEmpty}>No submissions yet. Submit with the button or Ctrl/⌘+Shift+Enter.</div>;

  return (
    <div className={styles.subList}>
      <div className={`${styles.subRow} ${styles.subHeader}`} aria-hidden="true">
        <span>Verdict</span>
        <span>Tests</span>
        <span>CPU</span>
        <span>Memory</span>
        <span>Lang</span>
        <span>When</span>
      </div>
      {items.map((s) => (
        <Link key={s.id} href={`/submissions/${s.id}`} className={styles.subRow} data-testid="submission-row">
          <VerdictText verdict={s.verdict} className={styles.subVerdict} />
          <span className="mono">
            {s.passed} / {s.total}
          </span>
          <span className="mono">{formatMs(s.cpuTimeMs)}</span>
          <span className="mono">{formatBytes(s.memoryBytes)}</span>
          <span>{LANG_LABELS[s.lang]}</span>
          <span className="muted" title={formatUtc(s.createdAt)}>
            {timeAgo(s.createdAt, now)}
          </span>
        </Link>
      ))}
    </div>
  );
}

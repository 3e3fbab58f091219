"use client";

import { useState, type ReactNode } from "react";
import styles from "./Report.module.css";

/** Tabs over whole answers; only the open one is mounted (a hidden canvas cannot measure itself). */
export function AnswerTabs({ tabs }: { tabs: { id: string; label: string; content: ReactNode }[] }) {
  const [open, setOpen] = useState(tabs[0]?.id ?? "");
  const current = tabs.find((t) => t.id === open) ?? tabs[0];
  return (
    <div>
      <div className={styles.tabs} role="tablist" aria-label="Answers">
        {tabs.map((t) => (
          <button key={t.id} type="button" role="tab" id={`tab-${t.id}`} aria-selected={t.id === current?.id} aria-controls={`panel-${t.id}`} className={styles.tab} onClick={() => setOpen(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      {current && (
        <div key={current.id} id={`panel-${current.id}`} role="tabpanel" aria-labelledby={`tab-${current.id}`} className={styles.tabPanel}>
          {current.content}
        </div>
      )}
    </div>
  );
}

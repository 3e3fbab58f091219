"use client";

import { useEffect, useState } from "react";
import styles from "./Design.module.css";

function clock(totalSeconds: number): string {
  const s = Math.abs(Math.trunc(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const mm = String(m).padStart(h > 0 ? 2 : 1, "0");
  return `${h > 0 ? `${h}:` : ""}${mm}:${String(sec).padStart(2, "0")}`;
}

/**
 * The time box, counting down from `startedAt`. Rendered only after mount
 * (the server does not know the browser's clock), amber in the last five
 * minutes, red and counting up once time is over.
 */
export function CountdownTimer({ startedAt, minutes, onRestart }: { startedAt: number; minutes: number; onRestart: () => void }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const left = now === null ? minutes * 60 : (startedAt + minutes * 60_000 - now) / 1000;
  const over = left < 0;
  const tone = over ? styles.timerOver : left <= 300 ? styles.timerLow : "";
  return (
    <div className={`${styles.timer} ${tone}`} role="timer" aria-label={`Time box ${minutes} minutes`} data-testid="timer">
      <svg className={styles.timerIcon} width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
        <circle cx="8" cy="9" r="6" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M8 5.5V9l2.2 1.6M6 1.5h4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      <span className={styles.timerValue}>{now === null ? "--:--" : over ? `+${clock(-left)}` : clock(left)}</span>
      <span className={styles.timerNote}>{over ? "over time" : `of ${minutes} min`}</span>
      <button type="button" className="btn btn-ghost btn-sm" onClick={onRestart} title="Start the time box again from now">
        Restart
      </button>
    </div>
  );
}

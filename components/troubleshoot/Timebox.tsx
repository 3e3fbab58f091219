"use client";

import { useEffect, useState } from "react";
import styles from "./HostWorkspace.module.css";

function mmss(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  return `${ms < 0 ? "-" : ""}${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** Time left in the time box, counting down from when the host was first opened; over time shows negative, in red. */
export function Timebox({ startedAt, minutes, stopped }: { startedAt: string; minutes: number; stopped: string | null }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    if (stopped) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [stopped]);
  const end = Date.parse(startedAt) + minutes * 60_000;
  const at = stopped ? Date.parse(stopped) : (now ?? Date.parse(startedAt));
  const left = end - at;
  return (
    <span className={left < 0 ? styles.overtime : styles.timer} title={`Time box: ${minutes} minutes`} data-testid="timebox">
      {stopped ? `Solved in ${mmss(at - Date.parse(startedAt))}` : left < 0 ? `Over time ${mmss(left)}` : `Time left ${mmss(left)}`}
    </span>
  );
}

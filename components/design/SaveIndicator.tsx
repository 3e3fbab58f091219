"use client";

import { timeAgo } from "../format";
import type { SaveState } from "./useDesignAutosave";
import styles from "./Design.module.css";

export function SaveIndicator({ save, signedIn }: { save: SaveState; signedIn: boolean }) {
  if (!signedIn) return <span className={styles.save}>Not saved: sign in to keep your work</span>;
  const text =
    save.kind === "idle"
      ? "Autosave on"
      : save.kind === "pending"
        ? "Unsaved changes…"
        : save.kind === "saving"
          ? "Saving…"
          : save.kind === "saved"
            ? `Saved ${timeAgo(save.at)}`
            : save.message;
  return (
    <span className={`${styles.save} ${save.kind === "error" ? styles.saveError : ""}`} data-testid="save-state" aria-live="polite">
      {text}
    </span>
  );
}

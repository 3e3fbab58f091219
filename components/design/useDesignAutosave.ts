"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { DesignAnswer, DesignDraftView } from "@/lib/design/view-types";
import { api, ApiError } from "../api";

export type SaveState = { kind: "idle" } | { kind: "pending" } | { kind: "saving" } | { kind: "saved"; at: string } | { kind: "error"; message: string };

const SAVE_DEBOUNCE_MS = 1000;
/** Browsers refuse keepalive requests over 64 KiB; larger last-moment saves go as plain requests. */
const KEEPALIVE_MAX_BYTES = 60 * 1024;

/**
 * Autosaves the answer a second after the last edit, and on leaving the page.
 * `schedule(answer)` marks a change; `flush()` saves now (before submitting).
 */
export function useDesignAutosave(slug: string, signedIn: boolean, initial: DesignDraftView | null) {
  const [save, setSave] = useState<SaveState>(initial ? { kind: "saved", at: initial.updatedAt } : { kind: "idle" });
  const [startedAt, setStartedAt] = useState<string | null>(initial?.startedAt ?? null);
  const pending = useRef<DesignAnswer | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = useCallback(
    async (opts: { keepalive?: boolean } = {}): Promise<boolean> => {
      if (timer.current) {
        clearTimeout(timer.current);
        timer.current = null;
      }
      const answer = pending.current;
      pending.current = null;
      if (!answer || !signedIn) return true;
      setSave({ kind: "saving" });
      const body = { answer };
      const keepalive = opts.keepalive === true && new TextEncoder().encode(JSON.stringify(body)).length < KEEPALIVE_MAX_BYTES;
      try {
        const res = await api<{ draft: DesignDraftView }>(`/api/design/problems/${encodeURIComponent(slug)}/draft`, { method: "PUT", body, keepalive });
        setStartedAt((s) => s ?? res.draft.startedAt);
        if (!pending.current) setSave({ kind: "saved", at: res.draft.updatedAt });
        return true;
      } catch (e) {
        setSave({ kind: "error", message: e instanceof ApiError ? e.message : "Could not save the draft" });
        return false;
      }
    },
    [signedIn, slug],
  );

  const schedule = useCallback(
    (answer: DesignAnswer) => {
      if (!signedIn) return;
      pending.current = answer;
      setSave({ kind: "pending" });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_DEBOUNCE_MS);
    },
    [signedIn, flush],
  );

  useEffect(() => {
    const onHide = () => void flush({ keepalive: true });
    const onVis = () => document.visibilityState === "hidden" && onHide();
    window.addEventListener("pagehide", onHide);
    document.addEventListener("visibilitychange", onVis);
    return () => {
      window.removeEventListener("pagehide", onHide);
      document.removeEventListener("visibilitychange", onVis);
      onHide();
    };
  }, [flush]);

  return { save, startedAt, schedule, flush };
}

"use client";

import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from "react";

/**
 * A draggable split: `ratio` is the share (0–1) of the container given to the
 * first pane along `axis`. Dragging the separator updates it; double-click
 * resets; the last value is remembered in localStorage.
 */
export function useSplit({ axis, initial, min, max, storageKey }: { axis: "x" | "y"; initial: number; min: number; max: number; storageKey: string }) {
  const [ratio, setRatio] = useState(initial);
  const containerRef = useRef<HTMLElement | null>(null);
  const setContainer = useCallback((el: HTMLElement | null) => {
    containerRef.current = el;
  }, []);

  useEffect(() => {
    const saved = Number(window.localStorage.getItem(storageKey));
    if (Number.isFinite(saved) && saved >= min && saved <= max) setRatio(saved);
  }, [storageKey, min, max]);

  const onPointerDown = useCallback(
    (e: ReactPointerEvent<HTMLElement>) => {
      const el = containerRef.current;
      if (!el || e.button !== 0) return;
      e.preventDefault();
      const rect = el.getBoundingClientRect();
      const target = e.currentTarget;
      target.setPointerCapture(e.pointerId);
      document.body.style.cursor = axis === "x" ? "col-resize" : "row-resize";
      document.body.style.userSelect = "none";
      let last = ratio;
      const move = (ev: PointerEvent) => {
        const pos = axis === "x" ? (ev.clientX - rect.left) / rect.width : (ev.clientY - rect.top) / rect.height;
        last = Math.min(max, Math.max(min, pos));
        setRatio(last);
      };
      const up = () => {
        target.removeEventListener("pointermove", move);
        target.removeEventListener("pointerup", up);
        target.removeEventListener("pointercancel", up);
        document.body.style.cursor = "";
        document.body.style.userSelect = "";
        window.localStorage.setItem(storageKey, String(last));
      };
      target.addEventListener("pointermove", move);
      target.addEventListener("pointerup", up);
      target.addEventListener("pointercancel", up);
    },
    [axis, min, max, ratio, storageKey],
  );

  const reset = useCallback(() => {
    setRatio(initial);
    window.localStorage.removeItem(storageKey);
  }, [initial, storageKey]);

  return { ratio, containerRef: setContainer, onPointerDown, reset };
}

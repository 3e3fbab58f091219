"use client";

import dynamic from "next/dynamic";
import type { ExcalidrawCanvasProps } from "./ExcalidrawCanvas";
import styles from "./Design.module.css";

/** Excalidraw, loaded only in the browser (it touches `window` at import). */
const ExcalidrawCanvas = dynamic(() => import("./ExcalidrawCanvas"), {
  ssr: false,
  loading: () => (
    <div className={styles.canvasLoading}>
      <span className="spinner" aria-hidden="true" /> Loading canvas…
    </div>
  ),
});

export function DiagramCanvas(props: ExcalidrawCanvasProps & { height?: number; label: string; testId?: string }) {
  const { height = 520, label, testId, ...rest } = props;
  return (
    <div className={styles.canvas} style={{ height }} role="region" aria-label={label} data-testid={testId}>
      <ExcalidrawCanvas {...rest} />
    </div>
  );
}

"use client";

import dynamic from "next/dynamic";
import type { MonacoEditorProps } from "./MonacoEditor";
import styles from "./Workspace.module.css";

/** Monaco, loaded only in the browser (it touches `window` at import). */
const MonacoEditor = dynamic(() => import("./MonacoEditor"), {
  ssr: false,
  loading: () => (
    <div className={styles.editorLoading}>
      <span className="spinner" aria-hidden="true" /> Loading editor…
    </div>
  ),
});

export function CodeEditor(props: MonacoEditorProps) {
  return <MonacoEditor {...props} />;
}

"use client";

/**
 * The Monaco editor, bundled from the local `monaco-editor` package (never a
 * CDN). monaco-editor touches `window` at import time, so this module must only
 * be loaded in the browser: import it through `next/dynamic` with `ssr: false`
 * (see CodeEditor.tsx).
 *
 * One editor, one model per language (file:///<slug>/solution.<lang>), so
 * switching language keeps each side's undo history and cursor.
 *
 * End-to-end tests: while the editor is mounted, `window.__prodloopEditor` is
 * the `monaco.editor.IStandaloneCodeEditor` instance. Tests set the code with
 * `window.__prodloopEditor.setValue(code)` and read it with `.getValue()`;
 * both go through the normal change path (draft autosave included).
 */
import { useEffect, useRef } from "react";
import * as monaco from "monaco-editor";
import type { Lang } from "@/graders/coding/types";

declare global {
  interface Window {
    /** The workspace's Monaco editor instance (for end-to-end tests); unset when no editor is mounted. */
    __prodloopEditor?: monaco.editor.IStandaloneCodeEditor;
  }
}

type MonacoEnv = { getWorker(workerId: string, label: string): Worker };

let configured = false;
function configureMonaco(): void {
  if (configured) return;
  configured = true;
  // Workers come from the local package, bundled by Next.js.
  (self as unknown as { MonacoEnvironment: MonacoEnv }).MonacoEnvironment = {
    getWorker(_workerId: string, label: string): Worker {
      if (label === "typescript" || label === "javascript") {
        return new Worker(new URL("monaco-editor/language/typescript/ts.worker.js", import.meta.url), {
          type: "module",
          name: label,
        });
      }
      return new Worker(new URL("monaco-editor/editor/editor.worker.js", import.meta.url), {
        type: "module",
        name: label,
      });
    },
  };
  monaco.editor.defineTheme("prodloop-dark", {
    base: "vs-dark",
    inherit: true,
    rules: [],
    colors: {
      "editor.background": "#0d1118",
      "editorGutter.background": "#0d1118",
      "editor.lineHighlightBackground": "#151b26",
      "editorLineNumber.foreground": "#4a5466",
      "editorLineNumber.activeForeground": "#a9b3c4",
      "editorWidget.background": "#141922",
      "editorWidget.border": "#334052",
    },
  });
  const ts = monaco.typescript;
  const common = {
    target: ts.ScriptTarget.ES2020,
    allowNonTsExtensions: true,
    noEmit: true,
  };
  ts.typescriptDefaults.setCompilerOptions({ ...common, strict: true });
  ts.javascriptDefaults.setCompilerOptions({ ...common, allowJs: true, checkJs: false });
}

const LANGUAGE_ID: Record<Lang, string> = { js: "javascript", ts: "typescript", py: "python" };

export interface EditorHandle {
  /** Replace the whole text as one undoable edit (Ctrl/Cmd+Z brings the old text back). */
  replaceAll(lang: Lang, text: string): void;
  getValue(lang: Lang): string;
  focus(): void;
}

export interface MonacoEditorProps {
  slug: string;
  lang: Lang;
  /** Text each language's model starts with (draft or starter). Read once per language. */
  initialCode: Record<Lang, string>;
  readOnly?: boolean;
  onChange?(lang: Lang, code: string): void;
  onRun?(): void;
  onSubmit?(): void;
  onReady?(handle: EditorHandle): void;
}

export default function MonacoEditor({ slug, lang, initialCode, readOnly, onChange, onRun, onSubmit, onReady }: MonacoEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const modelsRef = useRef<Partial<Record<Lang, monaco.editor.ITextModel>>>({});
  const viewStatesRef = useRef<Partial<Record<Lang, monaco.editor.ICodeEditorViewState | null>>>({});
  const currentLangRef = useRef<Lang>(lang);
  const cb = useRef({ onChange, onRun, onSubmit, initialCode });
  cb.current = { onChange, onRun, onSubmit, initialCode };

  function modelFor(l: Lang): monaco.editor.ITextModel {
    const existing = modelsRef.current[l];
    if (existing && !existing.isDisposed()) return existing;
    const uri = monaco.Uri.parse(`file:///${encodeURIComponent(slug)}/solution.${l}`);
    const stale = monaco.editor.getModel(uri);
    if (stale) stale.dispose();
    const model = monaco.editor.createModel(cb.current.initialCode[l], LANGUAGE_ID[l], uri);
    model.updateOptions({ tabSize: 2, insertSpaces: true });
    model.onDidChangeContent(() => cb.current.onChange?.(l, model.getValue()));
    modelsRef.current[l] = model;
    return model;
  }

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    configureMonaco();
    const editor = monaco.editor.create(host, {
      model: modelFor(currentLangRef.current),
      theme: "prodloop-dark",
      readOnly: Boolean(readOnly),
      automaticLayout: true,
      fontFamily: 'ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace',
      fontSize: 13,
      lineHeight: 20,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      padding: { top: 10, bottom: 10 },
      renderLineHighlight: "line",
      fixedOverflowWidgets: true,
      tabSize: 2,
      smoothScrolling: true,
      scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
      overviewRulerLanes: 0,
      stickyScroll: { enabled: false },
    });
    editorRef.current = editor;
    // Bound inside the editor so they win over Monaco's own Ctrl+Enter / Ctrl+Shift+Enter (insert line).
    editor.addAction({
      id: "prodloop.run",
      label: "ProdLoop: Run examples",
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => cb.current.onRun?.(),
    });
    editor.addAction({
      id: "prodloop.submit",
      label: "ProdLoop: Submit",
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter],
      run: () => cb.current.onSubmit?.(),
    });
    if (!readOnly) window.__prodloopEditor = editor;
    onReady?.({
      replaceAll(l, text) {
        const model = modelFor(l);
        if (model.getValue() === text) return;
        if (editor.getModel() === model) editor.pushUndoStop();
        model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
        if (editor.getModel() === model) editor.pushUndoStop();
      },
      getValue: (l) => modelFor(l).getValue(),
      focus: () => editor.focus(),
    });
    return () => {
      if (window.__prodloopEditor === editor) delete window.__prodloopEditor;
      editor.dispose();
      for (const m of Object.values(modelsRef.current)) m?.dispose();
      modelsRef.current = {};
      editorRef.current = null;
    };
    // The editor is created once per mount; language switches are handled below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slug]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || currentLangRef.current === lang) return;
    viewStatesRef.current[currentLangRef.current] = editor.saveViewState();
    currentLangRef.current = lang;
    editor.setModel(modelFor(lang));
    const vs = viewStatesRef.current[lang];
    if (vs) editor.restoreViewState(vs);
    editor.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lang]);

  return <div ref={hostRef} style={{ position: "absolute", inset: 0 }} />;
}

"use client";

/**
 * The editor panel of the troubleshooting terminal: what nano, vi,
 * sudoedit, `systemctl edit` and `crontab -e` open. It looks and answers
 * like nano 7.2 (title bar, status line in brackets, shortcut bar): ^S/^O
 * save, ^X exits and, with unsaved changes, asks "Save modified buffer?".
 * Saving goes through the simulated filesystem with the credentials of
 * whoever ran the editor, so a save can fail with nano's "Error writing".
 */
import { useEffect, useRef, useState } from "react";
import type { EditorView } from "@/graders/host/shell/editor/types";
import styles from "./EditorPanel.module.css";

export interface EditorPanelProps {
  view: EditorView;
  save(content: string): Promise<{ ok: boolean; status: string }>;
  /** Close the editor; the terminal then shows what the command printed. */
  exit(): Promise<void>;
}

export function EditorPanel({ view, save, exit }: EditorPanelProps) {
  const [text, setText] = useState(view.content);
  const [savedText, setSavedText] = useState(view.content);
  const [status, setStatus] = useState<{ text: string; error: boolean }>({ text: view.status, error: false });
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const modified = text !== savedText;

  useEffect(() => {
    area.current?.focus();
    area.current?.setSelectionRange(0, 0);
  }, []);

  async function doSave(): Promise<boolean> {
    setBusy(true);
    try {
      const r = await save(text);
      setStatus({ text: r.status, error: !r.ok });
      if (r.ok) setSavedText(text);
      return r.ok;
    } catch (e) {
      setStatus({ text: `[ ${(e as Error).message} ]`, error: true });
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function doExit(): Promise<void> {
    setBusy(true);
    try {
      await exit();
    } catch (e) {
      setStatus({ text: `[ ${(e as Error).message} ]`, error: true });
      setBusy(false);
    }
  }

  function onExit() {
    if (modified) setAsking(true);
    else void doExit();
  }

  async function answer(yes: boolean) {
    setAsking(false);
    if (!yes) return void doExit();
    if (await doSave()) await doExit();
  }

  function onKeyDown(e: React.KeyboardEvent) {
    if (busy) return;
    const key = e.key.toLowerCase();
    if (asking) {
      // nano's prompt: Y saves and exits, N discards, ^C or Esc cancels.
      if (key === "y" || key === "n") void answer(key === "y");
      else if ((e.ctrlKey && key === "c") || key === "escape") {
        setAsking(false);
        setStatus({ text: "[ Cancelled ]", error: false });
      }
      e.preventDefault();
      return;
    }
    if (!e.ctrlKey && !e.metaKey) {
      if (key === "tab" && area.current) {
        // Tab inserts a tab, as in the terminal editor, instead of leaving the panel.
        e.preventDefault();
        const el = area.current;
        const { selectionStart: a, selectionEnd: b } = el;
        setText(text.slice(0, a) + "\t" + text.slice(b));
        requestAnimationFrame(() => el.setSelectionRange(a + 1, a + 1));
      }
      return;
    }
    if (key === "s" || key === "o") {
      e.preventDefault();
      void doSave();
    } else if (key === "x") {
      e.preventDefault();
      onExit();
    }
  }

  const [program, file] = view.editor === "nano" ? ["GNU nano 7.2", view.path] : ["VIM", view.path];
  return (
    <div className={styles.panel} role="dialog" aria-label={view.title} data-testid="editor-panel" onKeyDown={onKeyDown}>
      <div className={styles.header}>
        <span>{`  ${program}`}</span>
        <span className={styles.file} data-testid="editor-title">{file}</span>
        <span>{modified ? "Modified  " : "          "}</span>
      </div>
      <textarea
        ref={area}
        className={styles.text}
        value={text}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        aria-label={`Contents of ${view.path}`}
        data-testid="editor-text"
        onChange={(e) => {
          setText(e.target.value);
          // nano clears its status line at the next keystroke.
          if (status.text) setStatus({ text: "", error: false });
        }}
        readOnly={asking || busy}
      />
      {asking ? (
        <div className={styles.ask} role="alertdialog" aria-label="Save modified buffer?">
          <span>Save modified buffer?</span>
          <button className={styles.key} onClick={() => void answer(true)}><kbd>Y</kbd><span>Yes</span></button>
          <button className={styles.key} onClick={() => void answer(false)}><kbd>N</kbd><span>No</span></button>
          <button className={styles.key} onClick={() => setAsking(false)}><kbd>^C</kbd><span>Cancel</span></button>
        </div>
      ) : (
        <div className={`${styles.status} ${status.error ? styles.error : ""}`} role="status" data-testid="editor-status">
          {status.text && <span>{status.text}</span>}
        </div>
      )}
      <div className={styles.keys}>
        <button className={styles.key} onClick={() => void doSave()} disabled={busy || asking} data-testid="editor-save">
          <kbd>^S</kbd>
          <span>Save</span>
        </button>
        <button className={styles.key} onClick={() => void doSave()} disabled={busy || asking} tabIndex={-1}>
          <kbd>^O</kbd>
          <span>Write Out</span>
        </button>
        <button className={styles.key} onClick={onExit} disabled={busy || asking} data-testid="editor-exit">
          <kbd>^X</kbd>
          <span>Exit</span>
        </button>
      </div>
    </div>
  );
}

"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import type { GradeResult, Lang } from "@/graders/coding/types";
import { LANGS } from "@/graders/coding/types";
import { pythonEntryName } from "@/graders/python/names";
import { pythonParamName } from "@/graders/python/starter";
import { MAX_CUSTOM_CASES, MAX_SOURCE_BYTES } from "@/graders/limits";
import type { DraftView, ProblemView, SubmissionView } from "@/lib/view-types";
import { api, ApiError } from "../api";
import { DifficultyBadge } from "../badges";
import { LANG_LABELS } from "../format";
import { CodeEditor } from "./CodeEditor";
import type { EditorHandle } from "./MonacoEditor";
import { ProblemDescription } from "./ProblemDescription";
import { ResultPanel, type ResultState } from "./ResultPanel";
import { SubmissionsList } from "./SubmissionsList";
import { useSplit } from "./useSplit";
import styles from "./Workspace.module.css";

type SaveState =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "error"; message: string };

type Mode = "run" | "submit";

const SAVE_DEBOUNCE_MS = 700;

export interface WorkspaceProps {
  problem: ProblemView;
  signedIn: boolean;
  drafts: Record<Lang, DraftView | null>;
  initialLang: Lang;
}

function byteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** Validate the custom input box: JSON text, an array of argument lists matching the signature. */
function checkCustomInput(text: string, problem: ProblemView): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return `Custom input is not valid JSON: ${e instanceof Error ? e.message : String(e)}`;
  }
  if (!Array.isArray(parsed)) return "Custom input must be a JSON array of argument lists, e.g. [[arg1, arg2]].";
  if (parsed.length === 0) return "Custom input is empty: add at least one argument list.";
  if (parsed.length > MAX_CUSTOM_CASES) return `At most ${MAX_CUSTOM_CASES} custom cases per run (got ${parsed.length}).`;
  const want = problem.params.length;
  for (let i = 0; i < parsed.length; i++) {
    const c: unknown = parsed[i];
    if (!Array.isArray(c)) return `Custom case ${i + 1} must be an argument list (a JSON array), got ${JSON.stringify(c)?.slice(0, 60)}.`;
    if (c.length !== want)
      return `Custom case ${i + 1} has ${c.length} argument${c.length === 1 ? "" : "s"}; ${problem.entry} takes ${want} (${problem.params.map((p) => p.name).join(", ")}).`;
  }
  return null;
}

export function Workspace({ problem, signedIn, drafts, initialLang }: WorkspaceProps) {
  const slug = problem.slug;
  const [lang, setLang] = useState<Lang>(initialLang);
  const [leftTab, setLeftTab] = useState<"description" | "submissions">("description");
  const [save, setSave] = useState<SaveState>(() => {
    const d = drafts[initialLang];
    return d ? { kind: "saved", at: d.updatedAt } : { kind: "idle" };
  });
  const [running, setRunning] = useState<Mode | null>(null);
  const [result, setResult] = useState<ResultState | null>(null);
  const [retryIn, setRetryIn] = useState<number | null>(null);
  const [customOpen, setCustomOpen] = useState(false);
  const [customInput, setCustomInput] = useState(() =>
    problem.examples[0] ? JSON.stringify([problem.examples[0].args]) : "[]",
  );
  const [submissionsVersion, setSubmissionsVersion] = useState(0);

  const editorRef = useRef<EditorHandle | null>(null);
  const codeRef = useRef<Record<Lang, string>>({
    js: drafts.js?.code ?? problem.starter.js,
    ts: drafts.ts?.code ?? problem.starter.ts,
    py: drafts.py?.code ?? problem.starter.py,
  });
  const initialCodeRef = useRef<Record<Lang, string>>({ ...codeRef.current });
  const pendingRef = useRef<Partial<Record<Lang, string>>>({});
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const langRef = useRef(lang);
  langRef.current = lang;
  const runningRef = useRef<Mode | null>(null);
  const [mod, setMod] = useState("Ctrl");
  useEffect(() => {
    if (/Mac|iPhone|iPad/.test(navigator.platform)) setMod("⌘");
  }, []);

  const leftSplit = useSplit({ axis: "x", initial: 0.42, min: 0.25, max: 0.7, storageKey: "prodloop.split.x" });
  const bottomSplit = useSplit({ axis: "y", initial: 0.58, min: 0.2, max: 0.85, storageKey: "prodloop.split.y" });

  // ---------- drafts ----------

  const flushDrafts = useCallback(
    async (opts: { keepalive?: boolean } = {}) => {
      if (timerRef.current) {
        clearTimeout(timerRef.current);
        timerRef.current = null;
      }
      const pending = pendingRef.current;
      pendingRef.current = {};
      const entries = Object.entries(pending) as [Lang, string][];
      if (entries.length === 0 || !signedIn) return;
      setSave({ kind: "saving" });
      for (const [l, code] of entries) {
        if (byteLength(code) > MAX_SOURCE_BYTES) {
          setSave({ kind: "error", message: `Not saved: code is over ${MAX_SOURCE_BYTES / 1024} KB` });
          continue;
        }
        try {
          const res = await api<{ draft: DraftView }>(`/api/problems/${encodeURIComponent(slug)}/draft`, {
            method: "PUT",
            body: { lang: l, code },
            keepalive: opts.keepalive,
          });
          // Newer edits may have arrived while saving; they have their own timer.
          if (!pendingRef.current[l]) setSave({ kind: "saved", at: res?.draft?.updatedAt ?? new Date().toISOString() });
        } catch (e) {
          setSave({ kind: "error", message: e instanceof ApiError ? e.message : "Could not save the draft" });
        }
      }
    },
    [signedIn, slug],
  );

  const onChange = useCallback(
    (l: Lang, code: string) => {
      codeRef.current[l] = code;
      if (!signedIn) return;
      pendingRef.current[l] = code;
      setSave({ kind: "pending" });
      if (timerRef.current) clearTimeout(timerRef.current);
      timerRef.current = setTimeout(() => void flushDrafts(), SAVE_DEBOUNCE_MS);
    },
    [signedIn, flushDrafts],
  );

  useEffect(() => {
    // Leaving or hiding the page: send what is pending (keepalive survives unload).
    const onHide = () => void flushDrafts({ keepalive: true });
    window.addEventListener("pagehide", onHide);
    const onVis = () => document.visibilityState === "hidden" && onHide();
    document.addEventListener("visibilitychange", onVis);
    return () => {
      window.removeEventListener("pagehide", onHide);
      document.removeEventListener("visibilitychange", onVis);
      onHide();
    };
  }, [flushDrafts]);

  // ---------- grading ----------

  const grade = useCallback(
    async (mode: Mode) => {
      if (runningRef.current) return;
      if (!signedIn) {
        setResult({ kind: "signin", mode });
        return;
      }
      const l = langRef.current;
      const code = editorRef.current?.getValue(l) ?? codeRef.current[l];
      if (!code.trim()) {
        setResult({ kind: "error", mode, message: "The editor is empty: write a solution first." });
        return;
      }
      if (byteLength(code) > MAX_SOURCE_BYTES) {
        setResult({ kind: "error", mode, message: `Code is over the ${MAX_SOURCE_BYTES / 1024} KB limit.` });
        return;
      }
      let customInputText: string | undefined;
      if (mode === "run" && customOpen && customInput.trim()) {
        const problemText = checkCustomInput(customInput, problem);
        if (problemText) {
          setResult({ kind: "error", mode, message: problemText });
          return;
        }
        customInputText = customInput;
      }
      runningRef.current = mode;
      setRunning(mode);
      setRetryIn(null);
      void flushDrafts();
      const url = `/api/problems/${encodeURIComponent(slug)}/${mode}`;
      const body = mode === "run" ? { lang: l, code, ...(customInputText ? { customInput: customInputText } : {}) } : { lang: l, code };
      try {
        for (let attempt = 0; ; attempt++) {
          try {
            if (mode === "run") {
              const res = await api<{ result: GradeResult }>(url, { method: "POST", body });
              setResult({ kind: "run", result: res.result, lang: l });
            } else {
              const res = await api<{ submission: SubmissionView }>(url, { method: "POST", body });
              setResult({ kind: "submit", submission: res.submission });
              setSubmissionsVersion((v) => v + 1);
            }
            return;
          } catch (e) {
            if (e instanceof ApiError && e.status === 429 && attempt === 0) {
              // Graders are busy: wait as told, once, then try again.
              let left = Math.max(1, Math.ceil(e.retryAfterSeconds ?? 2));
              setRetryIn(left);
              while (left > 0) {
                await new Promise((r) => setTimeout(r, 1000));
                left -= 1;
                setRetryIn(left);
              }
              setRetryIn(null);
              continue;
            }
            throw e;
          }
        }
      } catch (e) {
        setRetryIn(null);
        if (e instanceof ApiError && e.status === 401) setResult({ kind: "signin", mode });
        else if (e instanceof ApiError)
          setResult({
            kind: "error",
            mode,
            message: e.status === 429 ? `Graders are still busy: ${e.message} Try again in a few seconds.` : e.message,
            issues: e.issues,
          });
        else setResult({ kind: "error", mode, message: e instanceof Error ? e.message : "Grading failed." });
      } finally {
        runningRef.current = null;
        setRunning(null);
      }
    },
    [signedIn, slug, customOpen, customInput, problem, flushDrafts],
  );

  const run = useCallback(() => void grade("run"), [grade]);
  const submit = useCallback(() => void grade("submit"), [grade]);

  // Shortcuts anywhere on the page (Monaco binds its own copies, which win while it has focus).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Enter" || !(e.ctrlKey || e.metaKey) || e.altKey || e.defaultPrevented) return;
      const t = e.target;
      if (t instanceof Element && t.closest("[data-testid=editor]")) return;
      e.preventDefault();
      if (e.shiftKey) submit();
      else run();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [run, submit]);

  function switchLang(next: Lang) {
    if (next === lang) return;
    void flushDrafts();
    setLang(next);
    const d = drafts[next];
    setSave(signedIn && d ? { kind: "saved", at: d.updatedAt } : { kind: "idle" });
  }

  function resetToStarter() {
    editorRef.current?.replaceAll(lang, problem.starter[lang]);
    editorRef.current?.focus();
  }

  const busy = running !== null;

  return (
    <div
      className={styles.workspace}
      ref={leftSplit.containerRef}
      style={{ gridTemplateColumns: `${(leftSplit.ratio * 100).toFixed(2)}% 6px minmax(0, 1fr)` }}
    >
      {/* ---------- left: statement and history ---------- */}
      <section className={styles.left} aria-label="Problem">
        <header className={styles.problemHead}>
          <div className={styles.crumbs}>
            <Link href="/problems">Problems</Link>
            <span aria-hidden="true">/</span>
            <span className="mono">{slug}</span>
          </div>
          <h1 className={styles.problemTitle}>{problem.title}</h1>
          <div className={styles.problemMeta}>
            <DifficultyBadge difficulty={problem.difficulty} />
            {problem.topics.map((t) => (
              <Link key={t} href={`/problems?topic=${encodeURIComponent(t)}`} className="chip">
                {t}
              </Link>
            ))}
          </div>
        </header>
        <div className={styles.tabs} role="tablist" aria-label="Problem panels">
          <button
            type="button"
            role="tab"
            id="tab-description"
            aria-selected={leftTab === "description"}
            aria-controls="panel-description"
            className={styles.tab}
            onClick={() => setLeftTab("description")}
          >
            Description
          </button>
          <button
            type="button"
            role="tab"
            id="tab-submissions"
            aria-selected={leftTab === "submissions"}
            aria-controls="panel-submissions"
            className={styles.tab}
            onClick={() => setLeftTab("submissions")}
          >
            Submissions
          </button>
        </div>
        <div className={styles.leftBody}>
          <div id="panel-description" role="tabpanel" aria-labelledby="tab-description" hidden={leftTab !== "description"}>
            <ProblemDescription problem={problem} />
          </div>
          <div id="panel-submissions" role="tabpanel" aria-labelledby="tab-submissions" hidden={leftTab !== "submissions"}>
            {leftTab === "submissions" &&
              (signedIn ? (
                <SubmissionsList slug={slug} version={submissionsVersion} />
              ) : (
                <div className={styles.signinBox}>
                  <p>Sign in to submit solutions and keep a history of your attempts.</p>
                  <Link href={`/login?next=${encodeURIComponent(`/problems/${slug}`)}`} className="btn btn-primary btn-sm">
                    Sign in
                  </Link>
                </div>
              ))}
          </div>
        </div>
      </section>

      <div
        className={`${styles.splitter} ${styles.splitterX}`}
        role="separator"
        aria-orientation="vertical"
        aria-label="Resize panels"
        onPointerDown={leftSplit.onPointerDown}
        onDoubleClick={leftSplit.reset}
      />

      {/* ---------- right: editor and results ---------- */}
      <section className={styles.right} aria-label="Solution">
        <div className={styles.toolbar}>
          <label className={styles.langLabel}>
            <span className="sr-only">Language</span>
            <select className="select" value={lang} onChange={(e) => switchLang(e.target.value as Lang)} aria-label="Language">
              {LANGS.map((l) => (
                <option key={l} value={l}>
                  {LANG_LABELS[l]}
                </option>
              ))}
            </select>
          </label>
          <SaveIndicator save={save} signedIn={signedIn} />
          <span className={styles.grow} />
          <span className={styles.signature} title="Entry point">
            <span className={styles.sigName}>{lang === "py" ? pythonEntryName(problem.entry) : problem.entry}</span>(
            {problem.params.map((p) => (lang === "py" ? pythonParamName(p.name) : p.name)).join(", ")})
          </span>
          <button type="button" className="btn btn-ghost btn-sm" onClick={resetToStarter} title="Replace the code with the starter (undo with Ctrl/⌘+Z)">
            Reset to starter
          </button>
        </div>

        <div className={styles.stack} ref={bottomSplit.containerRef}>
        <div className={styles.editorArea} style={{ flexBasis: `${(bottomSplit.ratio * 100).toFixed(2)}%` }}>
          <div className={styles.editorBox} data-testid="editor">
            <CodeEditor
              slug={slug}
              lang={lang}
              initialCode={initialCodeRef.current}
              onChange={onChange}
              onRun={run}
              onSubmit={submit}
              onReady={(h) => {
                editorRef.current = h;
              }}
            />
          </div>
        </div>

        <div
          className={`${styles.splitter} ${styles.splitterY}`}
          role="separator"
          aria-orientation="horizontal"
          aria-label="Resize editor"
          onPointerDown={bottomSplit.onPointerDown}
          onDoubleClick={bottomSplit.reset}
        />

        <div className={styles.bottom}>
          <div className={styles.actions}>
            <label className={styles.customToggle}>
              <input type="checkbox" checked={customOpen} onChange={(e) => setCustomOpen(e.target.checked)} />
              Custom input
            </label>
            <span className={styles.grow} />
            {retryIn !== null ? (
              <span className={styles.busyNote} role="status">
                Graders are busy, retrying in {retryIn} s
              </span>
            ) : (
              <span className={styles.hints} aria-hidden="true">
                <kbd>{mod}</kbd>+<kbd>↵</kbd> run · <kbd>{mod}</kbd>+<kbd>⇧</kbd>+<kbd>↵</kbd> submit
              </span>
            )}
            <button type="button" className="btn" onClick={run} disabled={busy} aria-busy={running === "run"}>
              {running === "run" ? <span className="spinner" aria-hidden="true" /> : <PlayIcon />}
              Run
            </button>
            <button type="button" className="btn btn-primary" onClick={submit} disabled={busy} aria-busy={running === "submit"}>
              {running === "submit" && <span className="spinner" aria-hidden="true" />}
              Submit
            </button>
          </div>
          {customOpen && (
            <div className={styles.custom}>
              <label htmlFor="custom-input" className={styles.customLabel}>
                Custom input <span className="muted">— JSON array of argument lists for {problem.entry}({problem.params.map((p) => p.name).join(", ")}); Run only, expected output from the reference solution</span>
              </label>
              <textarea
                id="custom-input"
                className="textarea"
                rows={3}
                spellCheck={false}
                value={customInput}
                onChange={(e) => setCustomInput(e.target.value)}
              />
            </div>
          )}
          <div className={styles.resultScroll}>
            <ResultPanel state={result} running={running} problem={problem} />
          </div>
        </div>
        </div>
      </section>
    </div>
  );
}

function SaveIndicator({ save, signedIn }: { save: SaveState; signedIn: boolean }) {
  if (!signedIn)
    return (
      <span className={styles.save} title="Drafts are saved for signed-in users">
        Not saved · sign in to keep drafts
      </span>
    );
  switch (save.kind) {
    case "idle":
      return <span className={styles.save}>Starter code</span>;
    case "pending":
      return <span className={styles.save}>Edited</span>;
    case "saving":
      return (
        <span className={styles.save} aria-live="polite">
          Saving…
        </span>
      );
    case "saved":
      return (
        <span className={`${styles.save} ${styles.saved}`} aria-live="polite" title={`Draft saved ${save.at}`}>
          ✓ Saved
        </span>
      );
    case "error":
      return (
        <span className={`${styles.save} ${styles.saveError}`} role="alert">
          {save.message}
        </span>
      );
  }
}

function PlayIcon() {
  return (
    <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true">
      <path d="M2 1.2v7.6L8.6 5z" fill="currentColor" />
    </svg>
  );
}

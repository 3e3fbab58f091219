"use client";

/**
 * The troubleshooting round's workspace: the symptom and controls on the
 * left (time box, hints, Check my solution, Reset host, and after solving
 * the root cause, the ideal path and the candidate's own transcript), the
 * terminal on the right. All state lives on the server (HostRun): a reload
 * replays the last commands and continues on the same host.
 */
import dynamic from "next/dynamic";
import { useCallback, useEffect, useRef, useState } from "react";
import type { CheckView, HostRunView } from "@/lib/troubleshoot/host-run-view";
import { api, ApiError } from "../api";
import type { ShellOutput, TerminalProps } from "../terminal/Terminal";
import type { FollowChunk } from "../terminal/follow-loop";
import type { EditorView } from "@/graders/host/shell/editor/types";
import { Debrief } from "./Debrief";
import { EditorPanel } from "./EditorPanel";
import styles from "./HostWorkspace.module.css";
import { Timebox } from "./Timebox";

const Terminal = dynamic(() => import("../terminal/Terminal"), {
  ssr: false,
  loading: () => <div className={styles.termLoading}>Connecting…</div>,
});

type TerminalApi = Parameters<NonNullable<TerminalProps["onReady"]>>[0];

/** The screen after a reload: banner, then the last commands as they were typed. */
function replayText(run: HostRunView): string {
  let out = run.banner;
  for (const e of run.replay) out += `${e.prompt}${e.cmd}\n${e.stdout}${e.stderr}`;
  return out;
}

/** Hints are plain text with `backticks` around commands. */
function withInlineCode(text: string) {
  return text.split("`").map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}

function message(e: unknown): string {
  return e instanceof ApiError ? e.message : e instanceof Error ? e.message : String(e);
}

export function HostWorkspace({ initial }: { initial: HostRunView }) {
  const [run, setRun] = useState(initial);
  const [check, setCheck] = useState<CheckView | null>(initial.lastCheck);
  const [hints, setHints] = useState(initial.hints);
  const [busy, setBusy] = useState<null | "check" | "hint" | "reset">(null);
  const [error, setError] = useState<string | null>(null);
  const runIdRef = useRef(run.id);
  runIdRef.current = run.id;
  const termRef = useRef<TerminalApi | null>(null);

  const exec = useCallback(async (line: string, columns: number, rows: number): Promise<ShellOutput> => {
    return api<ShellOutput>(`/api/troubleshoot/runs/${runIdRef.current}/exec`, { method: "POST", body: { line, columns, rows } });
  }, []);
  const poll = useCallback(() => api<FollowChunk>(`/api/troubleshoot/runs/${runIdRef.current}/follow`, { method: "POST", body: {} }), []);
  const sendKey = useCallback(
    (key: "ctrl-c" | "q") => api<FollowChunk>(`/api/troubleshoot/runs/${runIdRef.current}/interrupt`, { method: "POST", body: { key } }),
    [],
  );

  // The editor panel: the terminal waits (busy) until the panel closes and then prints what the command printed.
  const [editing, setEditing] = useState<EditorView | null>(null);
  const closeEditor = useRef<((out: ShellOutput) => void) | null>(null);
  const openEditor = useCallback(
    (view: unknown) =>
      new Promise<ShellOutput>((resolve) => {
        closeEditor.current = resolve;
        setEditing(view as EditorView);
      }),
    [],
  );
  const saveEditor = useCallback(
    (content: string) => api<{ ok: boolean; status: string }>(`/api/troubleshoot/runs/${runIdRef.current}/editor`, { method: "POST", body: { action: "save", content } }),
    [],
  );
  const exitEditor = useCallback(async () => {
    const out = await api<ShellOutput>(`/api/troubleshoot/runs/${runIdRef.current}/editor`, { method: "POST", body: { action: "exit" } });
    setEditing(null);
    closeEditor.current?.(out);
    closeEditor.current = null;
  }, []);
  const complete = useCallback(
    (line: string, cursor: number) => api<{ start: number; candidates: string[] }>(`/api/troubleshoot/runs/${runIdRef.current}/complete`, { method: "POST", body: { line, cursor } }),
    [],
  );

  async function onCheck() {
    setBusy("check");
    setError(null);
    try {
      const r = await api<{ check: CheckView }>(`/api/troubleshoot/runs/${run.id}/check`, { method: "POST", body: {} });
      setCheck(r.check);
      if (r.check.solved) {
        // The debrief (root cause, ideal path, transcript) comes with the solved view.
        const fresh = await api<{ run: HostRunView }>(`/api/troubleshoot/problems/${run.slug}`);
        setRun(fresh.run);
      }
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(null);
    }
  }

  async function onHint() {
    setBusy("hint");
    setError(null);
    try {
      const r = await api<{ hints: string[] }>(`/api/troubleshoot/runs/${run.id}/hint`, { method: "POST", body: {} });
      setHints(r.hints);
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(null);
    }
  }

  async function onReset(sameSeed: boolean) {
    const what = sameSeed ? "Start over on the same host (same seed)?" : "Start over on a new variant of this host (new seed)?";
    if (!window.confirm(`${what} Everything you changed on the current host is discarded.`)) return;
    setBusy("reset");
    setError(null);
    try {
      const r = await api<{ run: HostRunView }>(`/api/troubleshoot/runs/${run.id}/reset`, { method: "POST", body: { sameSeed } });
      setRun(r.run);
      setCheck(null);
      setHints([]);
      setEditing(null);
      closeEditor.current = null;
      termRef.current?.reset(r.run.banner, r.run.prompt);
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(null);
    }
  }

  useEffect(() => {
    // Ctrl/Cmd+Enter outside the terminal checks the solution, like Submit in the coding round.
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === "Enter" && !(e.target as HTMLElement).closest("[data-testid=terminal]")) void onCheck();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const solved = run.solvedAt !== null;
  return (
    <div className={styles.layout}>
      <section className={styles.left} aria-label="Scenario">
        <div className={styles.head}>
          <div className={styles.crumbs}>
            <a href="/problems?round=troubleshooting">Problems</a> / <span className="mono">{run.slug}</span>
          </div>
          <h1 className={styles.title}>{run.title}</h1>
          <div className={styles.meta}>
            <span className={`badge diff-${run.difficulty}`}>{run.difficulty[0]?.toUpperCase() + run.difficulty.slice(1)}</span>
            {run.topics.map((t) => (
              <span key={t} className="chip">
                {t}
              </span>
            ))}
            <Timebox startedAt={run.startedAt} minutes={run.timeboxMinutes} stopped={solved ? run.solvedAt : null} />
          </div>
        </div>
        <div className={styles.scroll}>
          <div className="prose" dangerouslySetInnerHTML={{ __html: run.statementHtml }} />

          <div className={styles.actions}>
            <button className="btn btn-primary" onClick={() => void onCheck()} disabled={busy !== null} data-testid="check">
              {busy === "check" ? "Checking…" : "Check my solution"}
            </button>
            <button className="btn" onClick={() => void onHint()} disabled={busy !== null || hints.length >= run.hintCount}>
              {hints.length >= run.hintCount ? "No more hints" : `Hint (${hints.length}/${run.hintCount})`}
            </button>
            <span className={styles.grow} />
            <button className="btn btn-ghost btn-sm" onClick={() => void onReset(true)} disabled={busy !== null}>
              Reset host
            </button>
            <button className="btn btn-ghost btn-sm" onClick={() => void onReset(false)} disabled={busy !== null}>
              New seed
            </button>
          </div>
          {error && (
            <div className="alert alert-error" role="alert">
              {error}
            </div>
          )}

          {check && (
            <div className={check.solved ? styles.solved : styles.unsolved} data-testid="check-result">
              <strong>{check.solved ? "Solved — the host is healthy." : "Not solved yet."}</strong>
              <ul className={styles.checks}>
                {check.checks.map((c) => (
                  <li key={c.name} className={c.ok ? styles.ok : styles.bad}>
                    <span aria-hidden="true">{c.ok ? "✓" : "✗"}</span> {c.name}
                  </li>
                ))}
              </ul>
            </div>
          )}

          {hints.length > 0 && (
            <ol className={styles.hints} aria-label="Hints">
              {hints.map((h, i) => (
                <li key={i}>{withInlineCode(h)}</li>
              ))}
            </ol>
          )}

          {run.debrief && <Debrief debrief={run.debrief} startedAt={run.startedAt} />}
          <p className={`muted ${styles.seed}`}>
            Seed {run.seed} · {run.checks} check{run.checks === 1 ? "" : "s"} · {hints.length} hint{hints.length === 1 ? "" : "s"} used
          </p>
        </div>
      </section>
      <section className={styles.right} aria-label="Terminal">
        <Terminal
          key={run.id}
          banner={replayText(run)}
          prompt={run.prompt}
          history={run.history}
          run={exec}
          complete={complete}
          poll={poll}
          sendKey={sendKey}
          openEditor={openEditor}
          resume={{ follow: run.follow, editor: run.editor }}
          onReady={(t) => {
            termRef.current = t;
          }}
        />
        {editing && <EditorPanel key={`${editing.path}-${run.id}`} view={editing} save={saveEditor} exit={exitEditor} />}
      </section>
    </div>
  );
}

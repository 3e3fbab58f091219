"use client";

/**
 * The browser terminal of the troubleshooting round: xterm.js from the local
 * package (client-only: load through next/dynamic with ssr: false), the
 * readline-like LineEditor, and a shell that runs on the server. Output comes
 * back as text; newlines become CRLF for the terminal. A command that keeps
 * running (tail -f, top) is polled by a FollowLoop until it ends or Ctrl-C;
 * one that opens an editor hands over to the page's editor panel.
 */
import { FitAddon } from "@xterm/addon-fit";
import { Terminal as XTerm } from "@xterm/xterm";
import "@xterm/xterm/css/xterm.css";
import { useEffect, useRef } from "react";
import { FollowLoop, type FollowChunk } from "./follow-loop";
import { LineEditor } from "./line-editor";

export type FollowKeys = "interrupt" | "top";
/** A command still running: which keys it takes, and whether it draws full screen (top, watch). */
export interface FollowInfo {
  keys: FollowKeys;
  fullScreen: boolean;
}

export interface ShellOutput {
  stdout: string;
  stderr: string;
  prompt: string;
  /** The command keeps running: poll until it ends. */
  follow?: FollowInfo;
  /** The command opened an editor (the page shows it; opaque here). */
  editor?: unknown;
}

/** top and watch draw on the alternate screen; resumed after a reload, they need it again. */
const ENTER_FULL_SCREEN = "\x1b[?1049h\x1b[?25l";

export interface TerminalProps {
  /** Printed once before the first prompt (motd, last login). */
  banner: string;
  prompt: string;
  history: string[];
  /** Runs a line; `columns` is the terminal's width (for tools that format for a terminal). */
  run(line: string, columns: number, rows: number): Promise<ShellOutput>;
  complete(line: string, cursor: number): Promise<{ start: number; candidates: string[] }>;
  /** New output of the running command. */
  poll(): Promise<FollowChunk>;
  /** Ctrl-C, or q for top. */
  sendKey(key: "ctrl-c" | "q"): Promise<FollowChunk>;
  /** Show the editor a command opened; resolves with what the shell prints once it is closed. */
  openEditor(editor: unknown): Promise<ShellOutput>;
  /** What was still running when the page loaded. */
  resume?: { follow: FollowInfo | null; editor: unknown };
  /** Lets the page reset the screen (Reset host) without remounting. */
  onReady?(api: { reset(banner: string, prompt: string): void; focus(): void }): void;
}

const toCrlf = (s: string): string => s.replace(/\r?\n/g, "\r\n");

export default function Terminal(props: TerminalProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const propsRef = useRef(props);
  propsRef.current = props;

  useEffect(() => {
    const el = hostRef.current;
    if (!el) return;
    const term = new XTerm({
      cursorBlink: true,
      convertEol: false,
      fontFamily: '"DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace',
      fontSize: 14,
      scrollback: 5000,
      theme: { background: "#0b0f14", foreground: "#d6dde6", cursor: "#7ee787", selectionBackground: "#264f78" },
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(el);
    fit.fit();
    let follow: FollowLoop | null = null;
    const error = (message: string) => term.write(`\x1b[31m[prodloop] ${message}\x1b[0m\r\n`);
    const startFollow = (keys: FollowKeys, prompt: string) => {
      follow = new FollowLoop(
        {
          poll: () => propsRef.current.poll(),
          send: (key) => propsRef.current.sendKey(key),
          write: (s) => term.write(toCrlf(s)),
          finished: (p) => {
            follow = null;
            editor.showPrompt(p);
          },
          failed: (message, p) => {
            follow = null;
            error(message);
            editor.showPrompt(p);
          },
        },
        keys,
        prompt,
      );
      follow.start();
    };
    const edit = async (request: unknown) => {
      let prompt = propsRef.current.prompt;
      try {
        const out = await propsRef.current.openEditor(request);
        if (out.stdout) term.write(toCrlf(out.stdout));
        if (out.stderr) term.write(toCrlf(out.stderr));
        prompt = out.prompt;
      } catch (e) {
        error((e as Error).message);
      }
      editor.showPrompt(prompt);
      term.focus();
    };
    const editor = new LineEditor(
      {
        write: (d) => term.write(d),
        submit: async (line) => {
          let prompt = propsRef.current.prompt;
          try {
            const out = await propsRef.current.run(line, term.cols, term.rows);
            if (out.stdout) term.write(toCrlf(out.stdout));
            if (out.stderr) term.write(toCrlf(out.stderr));
            prompt = out.prompt;
            if (out.follow) return startFollow(out.follow.keys, prompt);
            if (out.editor) return void (await edit(out.editor));
          } catch (e) {
            error((e as Error).message);
          }
          editor.showPrompt(prompt);
        },
        complete: (line, cursor) => propsRef.current.complete(line, cursor).catch(() => ({ start: cursor, candidates: [] })),
        busyInput: (data) => follow?.input(data),
        columns: () => term.cols,
      },
      props.history,
    );
    term.write(toCrlf(props.banner));
    const resume = props.resume;
    if (resume?.follow) {
      // Reloaded while a command was running: it still runs on the host, keep streaming it.
      editor.setBusy();
      if (resume.follow.fullScreen) term.write(ENTER_FULL_SCREEN);
      startFollow(resume.follow.keys, props.prompt);
    } else if (resume?.editor) {
      editor.setBusy();
      void edit(resume.editor);
    } else editor.showPrompt(props.prompt);
    const data = term.onData((d) => editor.handle(d));
    const onResize = () => fit.fit();
    window.addEventListener("resize", onResize);
    (window as unknown as { __prodloopTerminal?: XTerm }).__prodloopTerminal = term;
    props.onReady?.({
      reset(banner, prompt) {
        (follow as FollowLoop | null)?.stop();
        follow = null;
        term.reset();
        term.write(toCrlf(banner));
        editor.showPrompt(prompt);
        term.focus();
      },
      focus: () => term.focus(),
    });
    term.focus();
    return () => {
      (follow as FollowLoop | null)?.stop();
      window.removeEventListener("resize", onResize);
      data.dispose();
      term.dispose();
    };
    // The terminal is created once; later prop changes are read through propsRef.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return <div ref={hostRef} data-testid="terminal" style={{ width: "100%", height: "100%", minHeight: 360 }} />;
}

"use client";

/**
 * The browser terminal of the troubleshooting round: xterm.js from the local
 * package (client-only: load through next/dynamic with ssr: false), the
 * readline-like LineEditor, and a shell that runs on the server. Output comes
 * back as text; newlines become CRLF for the terminal.
 */
import { FitAddon } from "@xterm/addon-fit";
import { Terminal as XTerm } from "@xterm/xterm";
import "@xterm/xterm/css/xterm.css";
import { useEffect, useRef } from "react";
import { LineEditor } from "./line-editor";

export interface ShellOutput {
  stdout: string;
  stderr: string;
  prompt: string;
}

export interface TerminalProps {
  /** Printed once before the first prompt (motd, last login). */
  banner: string;
  prompt: string;
  history: string[];
  /** Runs a line; `columns` is the terminal's width (for tools that format for a terminal). */
  run(line: string, columns: number): Promise<ShellOutput>;
  complete(line: string, cursor: number): Promise<{ start: number; candidates: string[] }>;
  interrupt(): void;
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
    const editor = new LineEditor(
      {
        write: (d) => term.write(d),
        submit: async (line) => {
          let prompt = propsRef.current.prompt;
          try {
            const out = await propsRef.current.run(line, term.cols);
            if (out.stdout) term.write(toCrlf(out.stdout));
            if (out.stderr) term.write(toCrlf(out.stderr));
            prompt = out.prompt;
          } catch (e) {
            term.write(`\x1b[31m[prodloop] ${(e as Error).message}\x1b[0m\r\n`);
          }
          editor.showPrompt(prompt);
        },
        complete: (line, cursor) => propsRef.current.complete(line, cursor).catch(() => ({ start: cursor, candidates: [] })),
        interrupt: () => propsRef.current.interrupt(),
        columns: () => term.cols,
      },
      props.history,
    );
    term.write(toCrlf(props.banner));
    editor.showPrompt(props.prompt);
    const data = term.onData((d) => editor.handle(d));
    const onResize = () => fit.fit();
    window.addEventListener("resize", onResize);
    (window as unknown as { __prodloopTerminal?: XTerm }).__prodloopTerminal = term;
    props.onReady?.({
      reset(banner, prompt) {
        term.reset();
        term.write(toCrlf(banner));
        editor.showPrompt(prompt);
        term.focus();
      },
      focus: () => term.focus(),
    });
    term.focus();
    return () => {
      window.removeEventListener("resize", onResize);
      data.dispose();
      term.dispose();
    };
    // The terminal is created once; later prop changes are read through propsRef.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return <div ref={hostRef} data-testid="terminal" style={{ width: "100%", height: "100%", minHeight: 360 }} />;
}

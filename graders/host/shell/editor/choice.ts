import { lineCount } from "./lines.ts";

/**
 * Which editor a tool starts: the first of its variables that is set
 * (crontab: VISUAL, EDITOR; sudoedit: SUDO_EDITOR, VISUAL, EDITOR; systemctl:
 * SYSTEMD_EDITOR, EDITOR, VISUAL), else Debian's default editor, nano.
 * Any vi flavour opens the panel as vim; anything else as nano.
 */
export function chosenEditor(env: Map<string, string> | undefined, vars: string[]): "nano" | "vim" {
  for (const v of vars) {
    const value = env?.get(v)?.trim();
    if (value) return /(^|\/)(vi|vim|vim\.basic|vim\.tiny|nvim|view)(\s|$)/.test(value) ? "vim" : "nano";
  }
  return "nano";
}

/** The status line an editor shows after reading a file. */
export function readStatus(editor: "nano" | "vim", shownPath: string, content: string): string {
  const n = lineCount(content);
  return editor === "nano" ? `[ Read ${n} line${n === 1 ? "" : "s"} ]` : `"${shownPath}" ${n}L, ${Buffer.byteLength(content, "latin1")}B`;
}

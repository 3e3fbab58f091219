import { isSysError, STRERROR } from "../../state/errors.ts";
import * as fs from "../../state/fs.ts";
import type { Host } from "../../state/host.ts";
import { daemonReload } from "../../services/units.ts";
import { lineCount } from "./lines.ts";
import { dropInText } from "./unit-template.ts";
import { installCrontab } from "./crontab-install.ts";
import { crontabErrors } from "../../services/cron/check.ts";
import type { EditorState } from "./types.ts";

/**
 * Save and exit in the editor panel, with what the real programs do:
 * nano and vim write the file in place with the editing user's permissions
 * (so admin saving a root-owned file gets nano's "Error writing ...:
 * Permission denied" and can go back and use sudo); sudoedit, systemctl
 * edit and crontab -e write a temporary copy and act on it when the editor
 * exits.
 */

export interface SaveResult {
  ok: boolean;
  /** The editor's status-line message. */
  status: string;
}

/** nano and vim end a non-empty file with a newline. */
function withFinalNewline(s: string): string {
  return s === "" || s.endsWith("\n") ? s : `${s}\n`;
}

function wrote(e: EditorState, text: string, isNew: boolean): string {
  const n = lineCount(text);
  if (e.editor === "vim") return `"${e.shownPath}" ${isNew ? "[New] " : ""}${n}L, ${Buffer.byteLength(text, "latin1")}B written`;
  return `[ Wrote ${n} line${n === 1 ? "" : "s"} ]`;
}

export function saveEditor(host: Host, e: EditorState, content: string): SaveResult {
  const text = withFinalNewline(content.replace(/\r\n?/g, "\n"));
  if (e.target.kind !== "file") {
    e.saved = text;
    return { ok: true, status: wrote(e, text, false) };
  }
  const abs = e.target.abs;
  const existed = fs.tryResolve(host.state, e.cred, abs) !== null;
  try {
    fs.writeFile(host.state, e.cred, abs, text, false);
  } catch (err) {
    if (!isSysError(err)) throw err;
    const status = e.editor === "vim" ? `"${e.shownPath}" E212: Can't open file for writing` : `[ Error writing ${e.shownPath}: ${STRERROR[err.code]} ]`;
    return { ok: false, status };
  }
  e.saved = text;
  e.isNew = false;
  return { ok: true, status: wrote(e, text, !existed) };
}

export interface ExitResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** The editor quits: deferred targets are applied now, as sudoedit, systemctl and crontab do. */
export function exitEditor(host: Host, e: EditorState): ExitResult {
  const t = e.target;
  const changed = e.saved !== null && e.saved !== e.content;
  switch (t.kind) {
    case "file":
      return { stdout: "", stderr: "", exitCode: 0 };
    case "sudoedit": {
      if (!changed) return { stdout: "", stderr: `sudoedit: ${t.abs} unchanged\n`, exitCode: 0 };
      try {
        fs.writeFile(host.state, fs.ROOT, t.abs, e.saved ?? "", false);
      } catch (err) {
        if (!isSysError(err)) throw err;
        return { stdout: "", stderr: `sudoedit: unable to write to ${t.abs}: ${STRERROR[err.code]}\nsudoedit: contents of edit session left in ${e.shownPath}\n`, exitCode: 1 };
      }
      return { stdout: "", stderr: "", exitCode: 0 };
    }
    case "unit-dropin":
    case "unit-full": {
      const body = t.kind === "unit-dropin" ? dropInText(e.saved ?? e.content) : (e.saved ?? e.content).trim();
      let stderr = "";
      if (body === "") stderr = `Editing "${t.path}" canceled: temporary file is empty.\n`;
      else {
        const dir = t.path.slice(0, t.path.lastIndexOf("/"));
        mkdirParents(host, dir);
        fs.writeFile(host.state, fs.ROOT, t.path, `${body}\n`, false);
      }
      // systemctl edit reloads the manager after editing, so the change is loaded (not yet applied to running processes).
      daemonReload(host);
      return { stdout: "", stderr, exitCode: 0 };
    }
    case "crontab":
      if (!changed) return { stdout: "", stderr: "crontab: no changes made to crontab\n", exitCode: 0 };
      {
        // cron's syntax check, as crontab -e runs it on the temporary copy; a refused table is not installed
        // (the real one then asks to retry the edit: here the panel closes and the edit can be redone).
        const errors = crontabErrors(e.saved ?? "", e.shownPath);
        if (errors) return { stdout: "", stderr: `${errors}crontab: edits left in ${e.shownPath}\n`, exitCode: 1 };
      }
      installCrontab(host, t.user, e.saved ?? "");
      return { stdout: "", stderr: "crontab: installing new crontab\n", exitCode: 0 };
  }
}

/** mkdir -p as root, 0755: what systemctl does before writing a drop-in. */
function mkdirParents(host: Host, dir: string): void {
  let path = "";
  for (const part of dir.split("/").filter(Boolean)) {
    path += `/${part}`;
    if (!fs.tryResolve(host.state, fs.ROOT, path)) fs.mkdir(host.state, fs.ROOT, path, { mode: 0o755 });
  }
}

import type { Cred } from "../../state/fs.ts";

/**
 * An editor opened from the shell (nano, vi/vim, sudoedit, systemctl edit,
 * crontab -e). The browser shows it as a panel; the session keeps it as
 * plain data in SessionState so a reload reopens the same buffer.
 */

/** Where a save finally lands. */
export type EditTarget =
  /** nano/vi FILE (also through sudo): each save writes the file with the editor's credentials. */
  | { kind: "file"; abs: string }
  /** sudoedit: the user edits a copy; on exit sudo writes it back as root if it changed. */
  | { kind: "sudoedit"; abs: string }
  /** systemctl edit UNIT: the text between the markers becomes the drop-in on exit, then daemon-reload. */
  | { kind: "unit-dropin"; unit: string; path: string }
  /** systemctl edit --full UNIT: a copy of the unit file, written to /etc/systemd/system on exit. */
  | { kind: "unit-full"; unit: string; path: string }
  /** crontab -e: installed into /var/spool/cron/crontabs on exit when changed. */
  | { kind: "crontab"; user: string };

export interface EditRequest {
  /** What the panel imitates: nano (also the Debian default editor behind sudoedit, systemctl edit, crontab -e) or vim. */
  editor: "nano" | "vim";
  /** The file name the editor shows (for deferred targets the temporary copy, as the real tools do). */
  shownPath: string;
  target: EditTarget;
  /** Whoever runs the editor: each save writes with these credentials. */
  cred: Cred;
  /** The buffer as opened. */
  content: string;
  /** The file did not exist: nano says "[ New File ]". */
  isNew: boolean;
  /** Shown in the panel's status line when it opens, e.g. "[ File '/etc/x' is unwritable ]". */
  status: string;
}

export interface EditorState extends EditRequest {
  /** The command line that opened it (for the transcript). */
  line: string;
  /** The text as last saved (the temporary copy for deferred targets); null until the first save. */
  saved: string | null;
}

/** What the browser panel needs. */
export interface EditorView {
  editor: "nano" | "vim";
  title: string;
  path: string;
  content: string;
  status: string;
}

export function editorView(e: EditorState): EditorView {
  return {
    editor: e.editor,
    title: e.editor === "nano" ? `GNU nano 7.2  ${e.shownPath}` : `${e.shownPath} - VIM`,
    path: e.shownPath,
    content: e.saved ?? e.content,
    status: e.status,
  };
}

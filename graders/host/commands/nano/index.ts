import { isSysError } from "../../state/errors.ts";
import * as fs from "../../state/fs.ts";
import { joinPath } from "../../state/paths.ts";
import { fileSize } from "../../state/usage.ts";
import { hash32 } from "../../state/rng.ts";
import type { Runtime } from "../../shell/runtime.ts";
import { fileHowTo, openEditor } from "../../shell/editor/open.ts";
import { lineCount } from "../../shell/editor/lines.ts";
import type { EditRequest } from "../../shell/editor/types.ts";
import { chosenEditor, readStatus } from "../../shell/editor/choice.ts";
import { fail, type HostCommand } from "../types.ts";

/**
 * nano (7.2), vi/vim and sudoedit open the browser's editor panel on a file
 * (shell/editor). nano and vim read and write with the credentials of whoever
 * runs them (`sudo nano` writes as root); sudoedit edits a copy as the user
 * and sudo writes it back as root when the editor exits.
 */

/** The panel edits text files; a multi-gigabyte log would not fit a browser's text area (or the saved session). */
export const MAX_EDIT_BYTES = 512 * 1024;

function tooBig(program: string, file: string, size: number): string {
  return `${program}: ${file} is ${size} bytes, more than the editor panel opens (${MAX_EDIT_BYTES / 1024} KiB); read it with less, tail or grep, change it with sed -i\n`;
}

interface Opened {
  content: string;
  isNew: boolean;
  /** Why it cannot be read, when it cannot. */
  error: "EACCES" | "EISDIR" | null;
  writable: boolean;
}

function open(rt: Runtime, abs: string): Opened {
  const found = fs.tryResolve(rt.host.state, rt.cred, abs);
  if (!found) return { content: "", isNew: true, error: null, writable: true };
  const { inode } = found;
  if (inode.kind === "dir") return { content: "", isNew: false, error: "EISDIR", writable: false };
  if (!fs.permits(inode, rt.cred, 4)) return { content: "", isNew: false, error: "EACCES", writable: fs.permits(inode, rt.cred, 2) };
  const content = inode.kind === "file" ? fs.readFileRange(inode, 0, MAX_EDIT_BYTES) : "";
  return { content, isNew: false, error: null, writable: fs.permits(inode, rt.cred, 2) };
}

function nanoStatus(name: string, o: Opened): string {
  if (o.error === "EISDIR") return `[ "${name}" is a directory ]`;
  if (o.error === "EACCES") return `[ Error reading ${name}: Permission denied ]`;
  if (o.isNew) return "[ New File ]";
  if (!o.writable) return `[ File '${name}' is unwritable ]`;
  const n = lineCount(o.content);
  return `[ Read ${n} line${n === 1 ? "" : "s"} ]`;
}

function vimStatus(name: string, o: Opened): string {
  if (o.error === "EISDIR") return `"${name}" is a directory`;
  if (o.error === "EACCES") return `"${name}" [Permission Denied]`;
  if (o.isNew) return `"${name}" [New]`;
  return `"${name}" ${o.writable ? "" : "[readonly] "}${lineCount(o.content)}L, ${o.content.length}B`;
}

/** The file operand: nano and vim accept options and +LINE before it; one file is edited here. */
function operand(args: string[]): string | null {
  const files = args.filter((a) => !a.startsWith("-") && !a.startsWith("+"));
  return files[0] ?? null;
}

function editorCommand(name: string, editor: "nano" | "vim"): HostCommand {
  return {
    name,
    async run(args, ctx, rt) {
      const file = operand(args);
      if (file === null) return fail(`${name}: give the file to edit, e.g. ${name} /etc/hosts (an unnamed buffer cannot be saved in the editor panel)\n`);
      const abs = joinPath(ctx.cwd, file);
      const size = fileSizeOf(rt, abs);
      if (size > MAX_EDIT_BYTES) return fail(tooBig(name, file, size));
      const o = open(rt, abs);
      const req: EditRequest = {
        editor, shownPath: file, target: { kind: "file", abs }, cred: { ...rt.cred, groups: [...rt.cred.groups] },
        content: o.content, isNew: o.isNew, status: editor === "nano" ? nanoStatus(file, o) : vimStatus(file, o),
      };
      return openEditor(rt, req, { what: name, howTo: fileHowTo(file, rt.cred.uid !== 0 && !o.writable) });
    },
  };
}

export const nano = editorCommand("nano", "nano");
export const vi = editorCommand("vi", "vim");
export const vim = editorCommand("vim", "vim");

/** sudoedit FILE (sudo -e): the copy sudo hands to the editor lives in /var/tmp under a random name. */
export const sudoedit: HostCommand = {
  name: "sudoedit",
  async run(args, ctx, rt) {
    const file = operand(args);
    if (file === null) return fail("usage: sudoedit [-ABkNnS] [-r role] [-t type] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] file ...\n");
    const sudoers = rt.host.state.groups.find((g) => g.name === "sudo")?.members ?? [];
    if (rt.cred.uid !== 0 && !sudoers.includes(rt.user)) return fail(`Sorry, user ${rt.user} is not allowed to execute 'sudoedit ${file}' as root on ${rt.host.state.hostname}.\n`);
    const abs = joinPath(ctx.cwd, file);
    let content = "";
    let isNew = true;
    try {
      const found = fs.tryResolve(rt.host.state, fs.ROOT, abs);
      if (found?.inode.kind === "dir") return fail(`sudoedit: ${abs}: Is a directory\n`);
      if (found?.inode.kind === "file") {
        if (fileSize(found.inode) > MAX_EDIT_BYTES) return fail(tooBig("sudoedit", file, fileSize(found.inode)));
        content = fs.readFileRange(found.inode, 0, MAX_EDIT_BYTES);
        isNew = false;
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
    const base = abs.slice(abs.lastIndexOf("/") + 1);
    const dot = base.lastIndexOf(".");
    const [stem, ext] = dot > 0 ? [base.slice(0, dot), base.slice(dot)] : [base, ""];
    const shownPath = `/var/tmp/${stem}${randomSuffix(rt, abs)}${ext}`;
    const editor = chosenEditor(ctx.env, ["SUDO_EDITOR", "VISUAL", "EDITOR"]);
    const req: EditRequest = {
      editor, shownPath, target: { kind: "sudoedit", abs }, cred: { ...rt.cred, groups: [...rt.cred.groups] },
      content, isNew, status: isNew ? (editor === "nano" ? "[ New File ]" : `"${shownPath}" [New]`) : readStatus(editor, shownPath, content),
    };
    return openEditor(rt, req, { what: "sudoedit", howTo: fileHowTo(file, true) });
  },
};

/** mkstemp's eight random characters, derived from the host's clock so a seed replays the same. */
export function randomSuffix(rt: Runtime, salt: string): string {
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  let h = hash32(salt, rt.host.now);
  let out = "";
  for (let i = 0; i < 8; i++) {
    out += chars[h % chars.length];
    h = hash32(h, i);
  }
  return out;
}

function fileSizeOf(rt: Runtime, abs: string): number {
  const found = fs.tryResolve(rt.host.state, rt.cred, abs);
  return found && found.inode.kind === "file" ? fileSize(found.inode) : 0;
}

import * as fs from "../../state/fs.ts";
import type { Host } from "../../state/host.ts";
import { dropInPaths } from "../../services/units.ts";

/**
 * The temporary file `systemctl edit UNIT` (systemd 252) opens: the drop-in's
 * current text between two marker comments, then the unit's files commented
 * out for reference. On exit only the text between the markers is kept.
 */

const START = "### Anything between here and the comment below will become the new contents of the file";
const END = "### Lines below this comment will be discarded";

function read(host: Host, path: string): string | null {
  const found = fs.tryResolve(host.state, fs.ROOT, path);
  return found && found.inode.kind === "file" ? fs.readFileRange(found.inode, 0, 1_000_000) : null;
}

function commented(text: string): string {
  return text.replace(/\n$/, "").split("\n").map((l) => (l === "" ? "#" : `# ${l}`)).join("\n");
}

export function dropInTemplate(host: Host, unit: string, fragmentPath: string, dropIn: string): string {
  const current = read(host, dropIn) ?? "";
  let out = `### Editing ${dropIn}\n${START}\n\n${current.replace(/\n+$/, "")}${current.trim() ? "\n" : ""}\n${END}\n`;
  for (const path of [fragmentPath, ...dropInPaths(host, unit).filter((p) => p !== dropIn)]) {
    const text = read(host, path);
    if (text !== null) out += `\n### ${path}\n${commented(text)}\n`;
  }
  return out;
}

/** What becomes the drop-in: the text between the markers, stripped. */
export function dropInText(edited: string): string {
  let body = edited;
  const s = body.indexOf(START);
  if (s >= 0) body = body.slice(s + START.length);
  const e = body.indexOf(END);
  if (e >= 0) body = body.slice(0, e);
  return body.trim();
}

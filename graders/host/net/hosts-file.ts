import { readFileRange, ROOT, tryResolve } from "../state/fs.ts";
import type { Host } from "../state/host.ts";

/**
 * /etc/hosts as glibc's files backend reads it, straight from the simulated
 * filesystem on every lookup (no cache, like nss_files): an address, then the
 * canonical name and aliases; `#` starts a comment.
 */

export interface HostsEntry {
  ip: string;
  /** Lower-cased; the first is the canonical name. */
  names: string[];
  /** As written, for output that echoes the file (getent). */
  written: string[];
}

export function readFileText(host: Host, path: string): string | null {
  const found = tryResolve(host.state, ROOT, path);
  if (!found || found.inode.kind !== "file") return null;
  const inode = found.inode;
  return readFileRange(inode, 0, inode.genBytes + inode.text.length);
}

export function readHostsFile(host: Host): HostsEntry[] {
  const text = readFileText(host, "/etc/hosts") ?? "";
  const entries: HostsEntry[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.replace(/#.*/, "").trim();
    if (line === "") continue;
    const [ip, ...names] = line.split(/\s+/);
    if (!ip || names.length === 0) continue;
    entries.push({ ip, names: names.map((n) => n.toLowerCase()), written: names });
  }
  return entries;
}

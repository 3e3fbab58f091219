import * as fs from "../../state/fs.ts";
import type { Host } from "../../state/host.ts";
import type { FileInode } from "../../state/types.ts";
import { fileSize } from "../../state/usage.ts";
import type { TailFile, TailFollow } from "./types.ts";

/**
 * One poll of `tail -f` / `tail -F` (coreutils 9.1): print what was appended
 * to each followed file since the last poll, with the messages tail writes
 * when a file is truncated, replaced (logrotate) or goes missing.
 * -f follows the open file (the inode), so a rotated log just stops growing;
 * -F follows the name and reopens it.
 */

/** A poll never prints more than this per file: a log growing by megabytes a second shows its newest part. */
const MAX_CHUNK = 256 * 1024;

export interface Chunk {
  stdout: string;
  stderr: string;
}

function openByName(host: Host, spec: TailFollow, f: TailFile): FileInode | null {
  const found = fs.tryResolve(host.state, spec.cred, f.abs);
  if (!found || found.inode.kind !== "file" || !fs.permits(found.inode, spec.cred, 4)) return null;
  return found.inode;
}

function byIno(host: Host, ino: number | null): FileInode | null {
  if (ino === null) return null;
  const inode = host.state.fs.inodes[ino];
  return inode && inode.kind === "file" ? inode : null;
}

export function pollTail(host: Host, spec: TailFollow): Chunk {
  let stdout = "";
  let stderr = "";
  for (const f of spec.files) {
    let inode: FileInode | null;
    if (spec.byName) {
      inode = openByName(host, spec, f);
      if (!inode) {
        if (f.ino !== null) stderr += `tail: '${f.name}' has become inaccessible: No such file or directory\n`;
        f.ino = null;
        continue;
      }
      if (f.ino === null || f.ino !== inode.ino) {
        stderr += f.ino === null ? `tail: '${f.name}' has appeared;  following new file\n` : `tail: '${f.name}' has been replaced;  following new file\n`;
        f.ino = inode.ino;
        f.offset = 0;
      }
    } else {
      inode = byIno(host, f.ino);
      if (!inode) continue;
    }
    const size = fileSize(inode);
    if (size < f.offset) {
      stderr += `tail: ${f.name}: file truncated\n`;
      f.offset = 0;
    }
    if (size === f.offset) continue;
    let from = f.offset;
    if (size - from > MAX_CHUNK) {
      // Start at a line boundary inside the newest MAX_CHUNK bytes.
      from = size - MAX_CHUNK;
      const nl = fs.readFileRange(inode, from, MAX_CHUNK).indexOf("\n");
      if (nl >= 0) from += nl + 1;
    }
    if (spec.headers && spec.last !== f.name) stdout += `\n==> ${f.name} <==\n`;
    spec.last = f.name;
    stdout += fs.readFileRange(inode, from, size - from);
    f.offset = size;
  }
  return { stdout, stderr };
}

import type { ResolvedCommandContext } from "just-bash";
import { latin1FromBytes } from "just-bash";
import { SysError } from "../../state/errors.ts";
import * as fs from "../../state/fs.ts";
import { joinPath } from "../../state/paths.ts";
import { fileSize } from "../../state/usage.ts";
import { procFdInode } from "../../shell/procfs.ts";
import type { Runtime } from "../../shell/runtime.ts";
import type { FileInode } from "../../state/types.ts";

/**
 * Something head/tail can read by byte range without loading it whole: a
 * model file (a 40 GB log costs what the requested lines cost), a file
 * reached through /proc/PID/fd/N, or small in-memory text (stdin, /proc).
 */
export interface Source {
  size: number;
  read(offset: number, length: number): string;
}

function fromInode(inode: FileInode): Source {
  return { size: fileSize(inode), read: (o, l) => fs.readFileRange(inode, o, l) };
}

function fromText(text: string): Source {
  return { size: text.length, read: (o, l) => text.slice(o, o + l) };
}

/** Open an operand for reading; throws SysError with the errno the tool reports. */
export async function openSource(rt: Runtime, ctx: ResolvedCommandContext, operand: string): Promise<Source> {
  if (operand === "-") return fromText(latin1FromBytes(ctx.stdin));
  const abs = joinPath(ctx.cwd, operand);
  if (abs === "/proc" || abs.startsWith("/proc/")) {
    const inode = procFdInode(rt, abs);
    if (inode) return fromInode(inode);
    const st = await ctx.fs.stat(abs);
    if (st.isDirectory) throw new SysError("EISDIR", abs);
    return fromText(Buffer.from(await ctx.fs.readFileBuffer(abs)).toString("latin1"));
  }
  const { inode, path } = fs.resolve(rt.host.state, rt.cred, abs);
  if (inode.kind === "dir") throw new SysError("EISDIR", path);
  if (!fs.permits(inode, rt.cred, 4)) throw new SysError("EACCES", abs);
  if (inode.kind === "chr") return fromText(inode.device === "zero" ? "\0".repeat(1 << 16) : "");
  if (inode.kind !== "file") return fromText("");
  return fromInode(inode);
}

const CHUNK = 64 * 1024;

/** Offset where the last `n` lines begin (a final line without newline counts as a line). */
export function lastLinesStart(src: Source, n: number): number {
  if (n <= 0) return src.size;
  let pos = src.size;
  let seen = 0;
  // A trailing newline ends the last line rather than starting an empty one.
  let skipFinal = src.size > 0 && src.read(src.size - 1, 1) === "\n";
  while (pos > 0) {
    const start = Math.max(0, pos - CHUNK);
    const chunk = src.read(start, pos - start);
    for (let i = chunk.length - 1; i >= 0; i--) {
      if (chunk.charCodeAt(i) !== 10) continue;
      if (skipFinal) {
        skipFinal = false;
        continue;
      }
      if (++seen === n) return start + i + 1;
    }
    pos = start;
  }
  return 0;
}

/** Offset just past the first `n` lines. */
export function firstLinesEnd(src: Source, n: number): number {
  let pos = 0;
  let seen = 0;
  while (pos < src.size && seen < n) {
    const chunk = src.read(pos, CHUNK);
    for (let i = 0; i < chunk.length; i++) {
      if (chunk.charCodeAt(i) === 10 && ++seen === n) return pos + i + 1;
    }
    pos += chunk.length;
  }
  return src.size;
}

/** More than this is refused rather than built in memory (tail -n +1 of a 40 GB log). */
export const MAX_OUTPUT = 64 * 1024 * 1024;

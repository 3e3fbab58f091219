import { bulkInode } from "./fs.ts";
import type { BulkRange, DirInode, FileInode } from "./types.ts";

/**
 * Walking and trimming the counted entries of huge directories (a million
 * session files) without one object per entry: a visitor sees one reused
 * inode whose per-entry fields (ino, mtime) are rewritten for each index, and
 * removals are applied as index runs that split a range into what is left.
 */

/** Visit every counted entry in index order; the inode passed is reused and must not be kept. */
export function forEachBulkEntry(dir: DirInode, fn: (name: string, inode: FileInode, range: BulkRange, index: number) => boolean | void): void {
  for (const range of [...(dir.bulk ?? [])]) {
    if (range.end <= range.start) continue;
    const inode = bulkInode(dir, range, range.start);
    const ino0 = inode.ino - range.start;
    for (let i = range.start; i < range.end; i++) {
      inode.ino = ino0 + i;
      inode.mtimeMs = range.mtimeMs + i * range.mtimeStepMs;
      if (fn(`${range.prefix}${i}`, inode, range, i) === false) return;
    }
  }
}

export function bulkCount(dir: DirInode): number {
  let n = 0;
  for (const range of dir.bulk ?? []) n += Math.max(0, range.end - range.start);
  return n;
}

/**
 * Remove the given indices (ascending, all inside `range`) from the
 * directory: the range is replaced by the runs between them.
 */
export function removeBulkIndices(dir: DirInode, range: BulkRange, indices: readonly number[]): void {
  const ranges = dir.bulk ?? [];
  const at = ranges.indexOf(range);
  if (at < 0 || indices.length === 0) return;
  const pieces: BulkRange[] = [];
  let from = range.start;
  for (const i of indices) {
    if (i > from) pieces.push({ ...range, start: from, end: i });
    from = i + 1;
  }
  if (from < range.end) pieces.push({ ...range, start: from });
  ranges.splice(at, 1, ...pieces);
}

/** Collects removals per range during a walk, then applies them in one pass per range. */
export class BulkRemovals {
  private readonly byRange = new Map<BulkRange, { dir: DirInode; indices: number[] }>();

  add(dir: DirInode, range: BulkRange, index: number): void {
    let entry = this.byRange.get(range);
    if (!entry) {
      entry = { dir, indices: [] };
      this.byRange.set(range, entry);
    }
    entry.indices.push(index);
  }

  get size(): number {
    let n = 0;
    for (const e of this.byRange.values()) n += e.indices.length;
    return n;
  }

  /** Apply every removal; returns the directories that changed. */
  apply(): Set<DirInode> {
    const dirs = new Set<DirInode>();
    for (const [range, { dir, indices }] of this.byRange) {
      indices.sort((a, b) => a - b);
      removeBulkIndices(dir, range, indices);
      dirs.add(dir);
    }
    this.byRange.clear();
    return dirs;
  }
}

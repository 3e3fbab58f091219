import type { FsState, Inode, Mount } from "./types.ts";

/**
 * Block and inode accounting. Usage is derived from the inodes every time
 * (hosts hold hundreds of inodes plus counted bulk ranges), so df, du and
 * ENOSPC can never drift apart from the files that actually exist.
 */

export function fileSize(inode: Inode): number {
  switch (inode.kind) {
    case "file":
      return inode.genBytes + inode.text.length;
    case "dir":
      return 4096;
    case "symlink":
      return inode.target.length;
    case "chr":
      return 0;
  }
}

/** Bytes allocated on disk (st_blocks * 512). Fast symlinks live in the inode. */
export function allocatedBytes(inode: Inode, blockSize: number): number {
  if (inode.kind === "symlink" || inode.kind === "chr") return 0;
  const size = fileSize(inode);
  const data = Math.ceil(size / blockSize) * blockSize;
  return data + (inode.extraBlocks ?? 0) * blockSize;
}

export interface DevUsage {
  usedBlocks: number;
  usedInodes: number;
}

export function mountUsage(fs: FsState, mount: Mount): DevUsage {
  let bytes = 0;
  let inodes = 0;
  // tmpfs keeps directories in the dentry cache, so they take no blocks there.
  const memoryFs = mount.fstype === "tmpfs" || mount.fstype === "devtmpfs";
  // Runs on every tick of programs that watch free space: no per-call array of all inodes.
  const all = fs.inodes;
  for (const key in all) {
    const inode = all[key] as Inode;
    if (inode.dev !== mount.dev) continue;
    bytes += memoryFs && inode.kind === "dir" ? (inode.extraBlocks ?? 0) * mount.blockSize : allocatedBytes(inode, mount.blockSize);
    inodes += 1 + (inode.extraInodes ?? 0);
    if (inode.kind === "dir" && inode.bulk) {
      for (const range of inode.bulk) {
        const n = range.end - range.start;
        inodes += n;
        bytes += n * Math.max(1, Math.ceil(range.size / mount.blockSize)) * mount.blockSize;
      }
    }
  }
  // Metadata the kernel keeps (journal, inode tables) is part of totalBlocks already.
  return { usedBlocks: Math.ceil(bytes / mount.blockSize), usedInodes: inodes };
}

/** Blocks a write may still claim: root may dip into the ext4 reserve, others may not. */
export function availableBlocks(fs: FsState, mount: Mount, asRoot: boolean): number {
  const used = mountUsage(fs, mount).usedBlocks;
  const free = mount.totalBlocks - used;
  return Math.max(0, asRoot ? free : free - mount.reservedBlocks);
}

import * as fs from "../../state/fs.ts";
import type { HostState } from "../../state/types.ts";
import { parseFstab, type FstabEntry } from "../../state/mounts.ts";

/** /etc/fstab of the host as mount(8) reads it (root reads it; it is world-readable anyway). */
export function fstab(state: HostState): FstabEntry[] {
  const found = fs.tryResolve(state, fs.ROOT, "/etc/fstab");
  if (!found || found.inode.kind !== "file") return [];
  return parseFstab(fs.readFileRange(found.inode, 0, 1_000_000));
}

/** The fstab line for a mount argument: by mountpoint or by source. */
export function fstabEntry(state: HostState, arg: string): FstabEntry | undefined {
  const clean = arg.length > 1 ? arg.replace(/\/+$/, "") : arg;
  return fstab(state).find((e) => e.file === clean || e.spec === clean);
}

import type { FsStat } from "just-bash";
import { isReadOnly, permits, type Cred } from "../state/fs.ts";
import type { HostState, Inode } from "../state/types.ts";

/**
 * just-bash's `test -r/-w/-x` (and `[`, `[[`) read the owner bits of
 * stat().mode instead of calling access(2), so they answered for the file's
 * owner whoever asked. The shell's view of a file therefore carries the
 * caller's own access in the owner bits: for the owner nothing changes, for
 * anyone else `[ -r /etc/shadow ]` is false as in bash. Tools that print
 * modes (ls, stat, find) read the model, not this view. A read-only mount
 * takes the w away, as access(W_OK) fails with EROFS there.
 */
export function withCallerAccess(st: FsStat, inode: Inode, cred: Cred, state: HostState): FsStat {
  if (inode.kind === "symlink") return st;
  let bits = 0;
  if (permits(inode, cred, 4)) bits |= 4;
  if (permits(inode, cred, 2)) bits |= 2;
  if (permits(inode, cred, 1)) bits |= 1;
  const mount = state.fs.mounts[inode.dev];
  if (mount && isReadOnly(mount) && inode.kind !== "chr") bits &= ~2;
  return { ...st, mode: (st.mode & ~0o700) | (bits << 6) };
}

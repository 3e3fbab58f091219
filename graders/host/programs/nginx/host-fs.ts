import * as fs from "../../state/fs.ts";
import { isSysError, STRERROR } from "../../state/errors.ts";
import type { Cred } from "../../state/fs.ts";
import type { HostState } from "../../state/types.ts";
import type { ConfFs } from "./conf-parse.ts";

/** errno numbers nginx prints in "(2: No such file or directory)". */
const ERRNO: Record<string, number> = { ENOENT: 2, EACCES: 13, ENOTDIR: 20, EISDIR: 21, ELOOP: 40 };

/** The host's filesystem as nginx's config reader sees it with `cred`'s permissions. */
export function hostConfFs(state: HostState, cred: Cred): ConfFs {
  return {
    read(path) {
      try {
        const { inode } = fs.resolve(state, cred, path);
        if (inode.kind === "dir") return { errno: 21, error: STRERROR.EISDIR };
        if (inode.kind !== "file") return { text: "" };
        if (!fs.permits(inode, cred, 4)) return { errno: 13, error: STRERROR.EACCES };
        return { text: fs.readFileRange(inode, 0, 2_000_000) };
      } catch (e) {
        if (!isSysError(e)) throw e;
        return { errno: ERRNO[e.code] ?? 5, error: e.text };
      }
    },
    glob(pattern) {
      // Only the last component holds wildcards in nginx configs (sites-enabled/*, conf.d/*.conf).
      const slash = pattern.lastIndexOf("/");
      const dir = pattern.slice(0, slash) || "/";
      const re = new RegExp(`^${pattern.slice(slash + 1).replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
      const showDot = pattern.slice(slash + 1).startsWith(".");
      try {
        const names = fs.readdir(state, cred, dir).map((e) => e.name);
        // glob(3) sorts in the C locale: byte order.
        return names.filter((n) => n !== "." && n !== ".." && (showDot || !n.startsWith(".")) && re.test(n)).sort().map((n) => `${dir}/${n}`);
      } catch (e) {
        if (!isSysError(e)) throw e;
        return [];
      }
    },
  };
}

/** Append to a file the way a daemon holding it open with O_APPEND does: no permission check, the inode it holds. */
export function appendTo(state: HostState, path: string, text: string): void {
  const found = fs.tryResolve(state, fs.ROOT, path);
  if (!found) {
    try {
      fs.createFile(state, fs.ROOT, path, text, { mode: 0o644 });
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
    return;
  }
  if (found.inode.kind !== "file") return;
  try {
    fs.writeInode(state, fs.ROOT, found.inode, found.inode.genBytes, found.inode.text + text, path);
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
}

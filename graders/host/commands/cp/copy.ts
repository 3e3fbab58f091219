import { SysError } from "../../state/errors.ts";
import * as fs from "../../state/fs.ts";
import type { Runtime } from "../../shell/runtime.ts";
import type { FileInode } from "../../state/types.ts";

/**
 * The file-copy core GNU cp and mv (across filesystems) share, on model
 * inodes: a generated 40 GB log copies as a few numbers, not 40 GB, while
 * free space is still charged on the destination filesystem.
 */

const UMASK = 0o022;

export interface CopyOpts {
  preserve: boolean;
  verbose: boolean;
  /** The tool's name and what it prints for each copy ("'a' -> 'b'" or "copied 'a' -> 'b'"). */
  tool: string;
  verboseWord: string;
}

export interface Out {
  stdout: string;
  stderr: string;
}

function copyFile(rt: Runtime, src: FileInode, srcShown: string, dst: string, dstShown: string, opts: CopyOpts, out: Out): boolean {
  const state = rt.host.state;
  if (!fs.permits(src, rt.cred, 4)) {
    out.stderr += `${opts.tool}: cannot open '${srcShown}' for reading: Permission denied\n`;
    return false;
  }
  try {
    const existing = fs.tryResolve(state, rt.cred, dst, false);
    if (existing?.inode.kind === "symlink" && !fs.tryResolve(state, rt.cred, dst)) {
      out.stderr += `${opts.tool}: not writing through dangling symlink '${dstShown}'\n`;
      return false;
    }
    const target = fs.tryResolve(state, rt.cred, dst);
    if (target && target.inode.ino === src.ino) {
      out.stderr += `${opts.tool}: '${srcShown}' and '${dstShown}' are the same file\n`;
      return false;
    }
    let inode: FileInode;
    if (target && target.inode.kind === "file") {
      fs.ensureWritable(state, target.inode.dev, dst);
      if (!fs.permits(target.inode, rt.cred, 2)) throw new SysError("EACCES", dst);
      inode = target.inode;
    } else {
      inode = fs.createFile(state, rt.cred, dst, "", { mode: src.mode & ~UMASK & 0o777 });
    }
    fs.writeInode(state, rt.cred, inode, src.genBytes, src.text, dst);
    if (src.gen && src.genBytes > 0) inode.gen = { name: src.gen.name, params: { ...src.gen.params } };
    if (opts.preserve) {
      inode.mode = src.mode;
      inode.mtimeMs = src.mtimeMs;
      if (rt.cred.uid === 0) {
        inode.uid = src.uid;
        inode.gid = src.gid;
      }
    }
  } catch (e) {
    if (!(e instanceof SysError)) throw e;
    out.stderr += `${opts.tool}: cannot create regular file '${dstShown}': ${e.text}\n`;
    return false;
  }
  if (opts.verbose) out.stdout += `${opts.verboseWord}'${srcShown}' -> '${dstShown}'\n`;
  return true;
}

/** Copy `src` (absolute) to `dst` (absolute), directories recursively; the names shown are as typed. */
export function copyTree(rt: Runtime, src: string, srcShown: string, dst: string, dstShown: string, opts: CopyOpts, out: Out): boolean {
  const state = rt.host.state;
  let found: fs.Resolved;
  try {
    found = fs.resolve(state, rt.cred, src);
  } catch (e) {
    if (!(e instanceof SysError)) throw e;
    out.stderr += `${opts.tool}: cannot stat '${srcShown}': ${e.text}\n`;
    return false;
  }
  const inode = found.inode;
  if (inode.kind === "file") return copyFile(rt, inode, srcShown, dst, dstShown, opts, out);
  if (inode.kind !== "dir") {
    out.stderr += `${opts.tool}: cannot open '${srcShown}' for reading: Permission denied\n`;
    return false;
  }
  const existing = fs.tryResolve(state, rt.cred, dst);
  try {
    if (!existing) {
      fs.mkdir(state, rt.cred, dst, { mode: opts.preserve ? inode.mode : inode.mode & ~UMASK });
      if (opts.verbose) out.stdout += `${opts.verboseWord}'${srcShown}' -> '${dstShown}'\n`;
    } else if (existing.inode.kind !== "dir") {
      out.stderr += `${opts.tool}: cannot overwrite non-directory '${dstShown}' with directory '${srcShown}'\n`;
      return false;
    }
  } catch (e) {
    if (!(e instanceof SysError)) throw e;
    out.stderr += `${opts.tool}: cannot create directory '${dstShown}': ${e.text}\n`;
    return false;
  }
  let entries: fs.DirEntry[];
  try {
    entries = fs.readdir(state, rt.cred, src);
  } catch (e) {
    if (!(e instanceof SysError)) throw e;
    out.stderr += `${opts.tool}: cannot access '${srcShown}': ${e.text}\n`;
    return false;
  }
  let ok = true;
  for (const entry of entries) {
    const child = (base: string): string => (base.endsWith("/") ? `${base}${entry.name}` : `${base}/${entry.name}`);
    if (entry.inode.kind === "symlink") {
      // cp -r copies symlinks as symlinks (-P is the default for recursive copies).
      try {
        fs.symlink(state, rt.cred, entry.inode.target, child(dst));
        if (opts.verbose) out.stdout += `${opts.verboseWord}'${child(srcShown)}' -> '${child(dstShown)}'\n`;
      } catch (e) {
        if (!(e instanceof SysError)) throw e;
        out.stderr += `${opts.tool}: cannot create symbolic link '${child(dstShown)}': ${e.text}\n`;
        ok = false;
      }
      continue;
    }
    if (!copyTree(rt, child(src), child(srcShown), child(dst), child(dstShown), opts, out)) ok = false;
  }
  if (opts.preserve) {
    const made = fs.tryResolve(state, rt.cred, dst);
    if (made) made.inode.mtimeMs = inode.mtimeMs;
  }
  return ok;
}

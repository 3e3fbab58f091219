import { SysError } from "./errors.ts";
import { generateRange } from "./generators.ts";
import { basename, dirname, joinPath, splitPath } from "./paths.ts";
import { allocatedBytes, availableBlocks, fileSize, mountUsage } from "./usage.ts";
import type { BulkRange, ChrInode, DirInode, FileInode, HostState, Inode, Mount } from "./types.ts";

/**
 * Filesystem operations over HostState.fs with the kernel's permission rules.
 * Paths given here are absolute; callers join them with their cwd first.
 * Every operation takes the caller's credentials so `admin` and root see the
 * same errors they would on a real host.
 */

export interface Cred {
  uid: number;
  gid: number;
  groups: number[];
}

export const ROOT: Cred = { uid: 0, gid: 0, groups: [0] };

const MAX_SYMLINKS = 40;
const R = 4;
const W = 2;
const X = 1;

export function getInode(state: HostState, ino: number): Inode {
  const inode = state.fs.inodes[ino];
  if (!inode) throw new Error(`inode ${ino} missing from state`);
  return inode;
}

export function mountOf(state: HostState, dev: number): Mount {
  const mount = state.fs.mounts[dev];
  if (!mount) throw new Error(`mount ${dev} missing from state`);
  return mount;
}

/** Mounted with "ro" (by fstab, `mount -o remount,ro`, or ext4's errors=remount-ro). */
export function isReadOnly(mount: Mount): boolean {
  return mount.options.split(",").includes("ro");
}

/**
 * The kernel refuses any change on a read-only mount before it looks at
 * permissions (inode_permission, mnt_want_write): even root gets EROFS.
 */
export function ensureWritable(state: HostState, dev: number, path: string): void {
  const mount = state.fs.mounts[dev];
  if (mount && isReadOnly(mount)) throw new SysError("EROFS", path);
}

/** Does cred have `want` (bitmask of R/W/X) on the inode? Root bypasses r/w, and x when any x bit is set. */
export function permits(inode: { mode: number; uid: number; gid: number; kind?: string }, cred: Cred, want: number): boolean {
  if (cred.uid === 0) {
    if (!(want & X) || inode.kind === "dir") return true;
    return (inode.mode & 0o111) !== 0;
  }
  let bits: number;
  if (inode.uid === cred.uid) bits = (inode.mode >> 6) & 7;
  else if (cred.groups.includes(inode.gid) || inode.gid === cred.gid) bits = (inode.mode >> 3) & 7;
  else bits = inode.mode & 7;
  return (bits & want) === want;
}

function bulkMatch(dir: DirInode, name: string): { range: BulkRange; index: number } | null {
  for (const range of dir.bulk ?? []) {
    if (!name.startsWith(range.prefix)) continue;
    const rest = name.slice(range.prefix.length);
    if (!/^(0|[1-9][0-9]*)$/.test(rest)) continue;
    const index = Number(rest);
    if (index >= range.start && index < range.end) return { range, index };
  }
  return null;
}

/**
 * Entries of a bulk range are not inodes in the table; they get a synthetic
 * stat with inode numbers above every real one so `ls -i` stays plausible.
 */
export function bulkInode(dir: DirInode, range: BulkRange, index: number): FileInode {
  return {
    ino: 10_000_000 + dir.ino * 1000 + index,
    dev: dir.dev,
    kind: "file",
    mode: range.mode,
    uid: range.uid,
    gid: range.gid,
    mtimeMs: range.mtimeMs + index * range.mtimeStepMs,
    nlink: 1,
    text: "",
    genBytes: range.size,
  };
}

export interface Resolved {
  inode: Inode;
  /** Canonical absolute path (symlinks resolved) of the final component. */
  path: string;
  parent: DirInode | null;
  name: string;
}

/**
 * Walk an absolute path. `follow` decides whether a symlink in the last
 * component is followed (stat) or returned (lstat, unlink, readlink).
 */
export function resolve(state: HostState, cred: Cred, abs: string, follow = true, depth = 0): Resolved {
  if (depth > MAX_SYMLINKS) throw new SysError("ELOOP", abs);
  const parts = splitPath(abs);
  let current = getInode(state, state.fs.rootIno);
  let parent: DirInode | null = null;
  let path = "/";
  let name = "/";
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (current.kind !== "dir") throw new SysError("ENOTDIR", abs);
    if (!permits(current, cred, X)) throw new SysError("EACCES", abs);
    const childIno = current.entries[part];
    let child: Inode;
    if (childIno !== undefined) child = getInode(state, childIno);
    else {
      const hit = bulkMatch(current, part);
      if (!hit) throw new SysError("ENOENT", abs);
      child = bulkInode(current, hit.range, hit.index);
    }
    const last = i === parts.length - 1;
    if (child.kind === "symlink" && (!last || follow)) {
      const target = child.target.startsWith("/") ? child.target : joinPath(path, child.target);
      const rest = parts.slice(i + 1).join("/");
      return resolve(state, cred, rest ? `${target}/${rest}` : target, follow, depth + 1);
    }
    parent = current;
    current = child;
    name = part;
    path = path === "/" ? `/${part}` : `${path}/${part}`;
  }
  return { inode: current, path, parent, name };
}

export function tryResolve(state: HostState, cred: Cred, abs: string, follow = true): Resolved | null {
  try {
    return resolve(state, cred, abs, follow);
  } catch (e) {
    if (e instanceof SysError) return null;
    throw e;
  }
}

/** Resolve the directory that will hold `abs` and check the caller may change it. */
function parentForChange(state: HostState, cred: Cred, abs: string): { dir: DirInode; name: string } {
  const dir = resolve(state, cred, dirname(abs)).inode;
  if (dir.kind !== "dir") throw new SysError("ENOTDIR", abs);
  ensureWritable(state, dir.dev, abs);
  if (!permits(dir, cred, W | X)) throw new SysError("EACCES", abs);
  return { dir, name: basename(abs) };
}

function allocIno(state: HostState): number {
  return state.fs.nextIno++;
}

function ensureSpace(state: HostState, cred: Cred, dev: number, addBytes: number, path: string): void {
  if (addBytes <= 0) return;
  const mount = mountOf(state, dev);
  if (Math.ceil(addBytes / mount.blockSize) > availableBlocks(state.fs, mount, cred.uid === 0)) {
    throw new SysError("ENOSPC", path);
  }
}

/** A new inode needs a free inode and, with content, free blocks: one usage pass checks both. */
function ensureRoomForNew(state: HostState, cred: Cred, dev: number, addBytes: number, path: string): void {
  const mount = mountOf(state, dev);
  const usage = mountUsage(state.fs, mount);
  if (usage.usedInodes >= mount.totalInodes) throw new SysError("ENOSPC", path);
  if (addBytes <= 0) return;
  const free = mount.totalBlocks - usage.usedBlocks - (cred.uid === 0 ? 0 : mount.reservedBlocks);
  if (Math.ceil(addBytes / mount.blockSize) > Math.max(0, free)) throw new SysError("ENOSPC", path);
}

/** Drop an inode once nothing references it: no directory entry and no open fd. */
export function maybeFree(state: HostState, ino: number): void {
  const inode = state.fs.inodes[ino];
  if (!inode || inode.nlink > 0) return;
  for (const proc of Object.values(state.procs)) {
    for (const fd of Object.values(proc.fds)) if (fd.kind === "file" && fd.ino === ino) return;
  }
  delete state.fs.inodes[ino];
}

export function readFileRange(inode: FileInode, offset: number, length: number): string {
  const size = fileSize(inode);
  const end = Math.min(size, offset + length);
  if (offset >= end) return "";
  let out = "";
  if (offset < inode.genBytes && inode.gen) {
    out += generateRange(inode.gen, offset, Math.min(end, inode.genBytes) - offset);
  } else if (offset < inode.genBytes) {
    out += "\0".repeat(Math.min(end, inode.genBytes) - offset);
  }
  if (end > inode.genBytes) out += inode.text.slice(Math.max(0, offset - inode.genBytes), end - inode.genBytes);
  return out;
}

export function readFile(state: HostState, cred: Cred, abs: string): { inode: FileInode; path: string } {
  const { inode, path } = openForRead(state, cred, abs);
  if (inode.kind !== "file") throw new SysError("EINVAL", abs);
  return { inode, path };
}

/**
 * open(2) for reading: a regular file or a character device (/dev/null reads
 * as empty, which is how `cat /dev/null > app.log` truncates a log).
 */
export function openForRead(state: HostState, cred: Cred, abs: string): { inode: FileInode | ChrInode; path: string } {
  const { inode, path } = resolve(state, cred, abs);
  if (inode.kind === "dir") throw new SysError("EISDIR", abs);
  if (!permits(inode, cred, R)) throw new SysError("EACCES", abs);
  if (inode.kind === "symlink") throw new SysError("EINVAL", abs);
  return { inode, path };
}

export interface CreateOpts {
  mode?: number;
  uid?: number;
  gid?: number;
  mtimeMs?: number;
}

export function createFile(state: HostState, cred: Cred, abs: string, text: string, opts: CreateOpts = {}): FileInode {
  const { dir, name } = parentForChange(state, cred, abs);
  if (dir.entries[name] !== undefined || bulkMatch(dir, name)) throw new SysError("EEXIST", abs);
  ensureRoomForNew(state, cred, dir.dev, text.length, abs);
  const inode: FileInode = {
    ino: allocIno(state),
    dev: dir.dev,
    kind: "file",
    mode: opts.mode ?? 0o644,
    uid: opts.uid ?? cred.uid,
    gid: opts.gid ?? cred.gid,
    mtimeMs: opts.mtimeMs ?? state.clock.nowMs,
    nlink: 1,
    text,
    genBytes: 0,
  };
  state.fs.inodes[inode.ino] = inode;
  dir.entries[name] = inode.ino;
  dir.mtimeMs = state.clock.nowMs;
  return inode;
}

/** Replace a file's content, charging the size change against free space (the write(2) path). */
export function writeInode(state: HostState, cred: Cred, inode: FileInode, genBytes: number, text: string, path: string): void {
  ensureWritable(state, inode.dev, path);
  const mount = mountOf(state, inode.dev);
  const before = allocatedBytes(inode, mount.blockSize);
  const after = Math.ceil((genBytes + text.length) / mount.blockSize) * mount.blockSize + (inode.extraBlocks ?? 0) * mount.blockSize;
  ensureSpace(state, cred, inode.dev, after - before, path);
  inode.genBytes = genBytes;
  if (genBytes === 0) delete inode.gen;
  inode.text = text;
  inode.mtimeMs = state.clock.nowMs;
}

/** open(O_WRONLY|O_CREAT|(O_TRUNC or O_APPEND)) + write, as a shell redirect does. */
export function writeFile(state: HostState, cred: Cred, abs: string, data: string, append: boolean): void {
  const found = tryResolve(state, cred, abs);
  if (!found) {
    // A dangling symlink is written through to its target, like the kernel does.
    createFile(state, cred, abs, "", { mode: 0o644 });
    return writeFile(state, cred, abs, data, append);
  }
  const { inode } = found;
  if (inode.kind === "dir") throw new SysError("EISDIR", abs);
  if (inode.kind === "chr") return;
  ensureWritable(state, inode.dev, abs);
  if (inode.kind !== "file" || !permits(inode, cred, W)) throw new SysError("EACCES", abs);
  if (append) writeInode(state, cred, inode, inode.genBytes, inode.text + data, abs);
  else writeInode(state, cred, inode, 0, data, abs);
}

/** truncate(2): shrink keeps the leading bytes, growing adds a hole of zero bytes. */
export function truncateInode(state: HostState, cred: Cred, inode: FileInode, size: number, path: string): void {
  const current = fileSize(inode);
  if (size >= current) {
    writeInode(state, cred, inode, inode.genBytes, inode.text + "\0".repeat(size - current), path);
  } else if (size <= inode.genBytes) {
    writeInode(state, cred, inode, size, "", path);
  } else {
    writeInode(state, cred, inode, inode.genBytes, inode.text.slice(0, size - inode.genBytes), path);
  }
}

export function truncatePath(state: HostState, cred: Cred, abs: string, size: number): void {
  const { inode } = resolve(state, cred, abs);
  if (inode.kind === "dir") throw new SysError("EISDIR", abs);
  if (inode.kind !== "file") return;
  ensureWritable(state, inode.dev, abs);
  if (!permits(inode, cred, W)) throw new SysError("EACCES", abs);
  truncateInode(state, cred, inode, size, abs);
}

export function mkdir(state: HostState, cred: Cred, abs: string, opts: CreateOpts = {}): DirInode {
  const { dir, name } = parentForChange(state, cred, abs);
  if (dir.entries[name] !== undefined) throw new SysError("EEXIST", abs);
  ensureRoomForNew(state, cred, dir.dev, 4096, abs);
  const inode: DirInode = {
    ino: allocIno(state),
    dev: dir.dev,
    kind: "dir",
    mode: opts.mode ?? 0o755,
    uid: opts.uid ?? cred.uid,
    gid: opts.gid ?? cred.gid,
    mtimeMs: opts.mtimeMs ?? state.clock.nowMs,
    nlink: 2,
    entries: {},
  };
  state.fs.inodes[inode.ino] = inode;
  dir.entries[name] = inode.ino;
  dir.nlink += 1;
  dir.mtimeMs = state.clock.nowMs;
  return inode;
}

/** Insert an existing mount's root directory at `abs` (used when building a host). */
export function attachInode(state: HostState, abs: string, inode: Inode): void {
  if (!tryResolve(state, ROOT, dirname(abs))) mkdir(state, ROOT, dirname(abs));
  const { dir, name } = parentForChange(state, ROOT, abs);
  const covered = dir.entries[name];
  if (covered !== undefined) delete state.fs.inodes[covered];
  state.fs.inodes[inode.ino] = inode;
  dir.entries[name] = inode.ino;
}

export function symlink(state: HostState, cred: Cred, target: string, abs: string, opts: CreateOpts = {}): void {
  const { dir, name } = parentForChange(state, cred, abs);
  if (dir.entries[name] !== undefined) throw new SysError("EEXIST", abs);
  const ino = allocIno(state);
  state.fs.inodes[ino] = {
    ino, dev: dir.dev, kind: "symlink", mode: 0o777, uid: opts.uid ?? cred.uid, gid: opts.gid ?? cred.gid,
    mtimeMs: opts.mtimeMs ?? state.clock.nowMs, nlink: 1, target,
  };
  dir.entries[name] = ino;
}

export function link(state: HostState, cred: Cred, existing: string, abs: string): void {
  const src = resolve(state, cred, existing, false).inode;
  if (src.kind === "dir") throw new SysError("EPERM", existing);
  const { dir, name } = parentForChange(state, cred, abs);
  if (dir.entries[name] !== undefined) throw new SysError("EEXIST", abs);
  if (src.dev !== dir.dev) throw new SysError("EXDEV", abs);
  dir.entries[name] = src.ino;
  src.nlink += 1;
}

/** The sticky bit (/tmp): only the file's owner, the directory's owner or root may remove. */
function checkSticky(dir: DirInode, target: { uid: number }, cred: Cred, abs: string): void {
  if ((dir.mode & 0o1000) && cred.uid !== 0 && cred.uid !== dir.uid && cred.uid !== target.uid) {
    throw new SysError("EPERM", abs);
  }
}

/** unlink(2). The inode survives while a process holds it open (the df/du gap). */
export function unlink(state: HostState, cred: Cred, abs: string): void {
  const { dir, name } = parentForChange(state, cred, abs);
  const ino = dir.entries[name];
  if (ino === undefined) {
    const hit = bulkMatch(dir, name);
    if (!hit) throw new SysError("ENOENT", abs);
    checkSticky(dir, hit.range, cred, abs);
    removeBulkEntry(dir, hit.range, hit.index);
    return;
  }
  const inode = getInode(state, ino);
  if (inode.kind === "dir") throw new SysError("EISDIR", abs);
  checkSticky(dir, inode, cred, abs);
  delete dir.entries[name];
  dir.mtimeMs = state.clock.nowMs;
  inode.nlink -= 1;
  maybeFree(state, ino);
}

function removeBulkEntry(dir: DirInode, range: BulkRange, index: number): void {
  const ranges = dir.bulk ?? [];
  const at = ranges.indexOf(range);
  const pieces: BulkRange[] = [];
  if (index > range.start) pieces.push({ ...range, end: index });
  if (index + 1 < range.end) pieces.push({ ...range, start: index + 1 });
  ranges.splice(at, 1, ...pieces);
}

/** Remove bulk entries matching a predicate in one step (what `find -delete` over a million files needs). */
export function removeBulkWhere(dir: DirInode, keep: (range: BulkRange) => boolean): number {
  let removed = 0;
  const kept: BulkRange[] = [];
  for (const range of dir.bulk ?? []) {
    if (keep(range)) kept.push(range);
    else removed += range.end - range.start;
  }
  dir.bulk = kept;
  return removed;
}

export function rmdir(state: HostState, cred: Cred, abs: string): void {
  const { dir, name } = parentForChange(state, cred, abs);
  const ino = dir.entries[name];
  if (ino === undefined) throw new SysError("ENOENT", abs);
  const inode = getInode(state, ino);
  if (inode.kind !== "dir") throw new SysError("ENOTDIR", abs);
  if (Object.keys(inode.entries).length > 0 || (inode.bulk ?? []).some((r) => r.end > r.start)) {
    throw new SysError("ENOTEMPTY", abs);
  }
  checkSticky(dir, inode, cred, abs);
  delete dir.entries[name];
  dir.nlink -= 1;
  inode.nlink = 0;
  maybeFree(state, ino);
}

export function rename(state: HostState, cred: Cred, from: string, to: string): void {
  const src = parentForChange(state, cred, from);
  const ino = src.dir.entries[src.name];
  if (ino === undefined) throw new SysError("ENOENT", from);
  const dst = parentForChange(state, cred, to);
  if (dst.dir.dev !== src.dir.dev) throw new SysError("EXDEV", to);
  const existing = dst.dir.entries[dst.name];
  if (existing !== undefined && existing !== ino) {
    const victim = getInode(state, existing);
    if (victim.kind === "dir") throw new SysError("EISDIR", to);
    victim.nlink -= 1;
  }
  delete src.dir.entries[src.name];
  dst.dir.entries[dst.name] = ino;
  if (existing !== undefined && existing !== ino) maybeFree(state, existing);
}

export function chmod(state: HostState, cred: Cred, abs: string, mode: number): void {
  const { inode } = resolve(state, cred, abs);
  ensureWritable(state, inode.dev, abs);
  if (cred.uid !== 0 && cred.uid !== inode.uid) throw new SysError("EPERM", abs);
  inode.mode = mode & 0o7777;
}

export function chown(state: HostState, cred: Cred, abs: string, uid: number | null, gid: number | null): void {
  const { inode } = resolve(state, cred, abs);
  ensureWritable(state, inode.dev, abs);
  if (cred.uid !== 0) throw new SysError("EPERM", abs);
  if (uid !== null) inode.uid = uid;
  if (gid !== null) inode.gid = gid;
}

export function utimes(state: HostState, cred: Cred, abs: string, mtimeMs: number): void {
  const { inode } = resolve(state, cred, abs);
  ensureWritable(state, inode.dev, abs);
  if (cred.uid !== 0 && cred.uid !== inode.uid && !permits(inode, cred, W)) throw new SysError("EACCES", abs);
  inode.mtimeMs = mtimeMs;
}

export interface DirEntry {
  name: string;
  inode: Inode;
}

/** Real entries first, then bulk ones; callers sort as their tool does. */
export function readdir(state: HostState, cred: Cred, abs: string, limit = Infinity): DirEntry[] {
  const { inode } = resolve(state, cred, abs);
  if (inode.kind !== "dir") throw new SysError("ENOTDIR", abs);
  if (!permits(inode, cred, R)) throw new SysError("EACCES", abs);
  const out: DirEntry[] = [];
  for (const [name, ino] of Object.entries(inode.entries)) out.push({ name, inode: getInode(state, ino) });
  for (const range of inode.bulk ?? []) {
    for (let i = range.start; i < range.end && out.length < limit; i++) {
      out.push({ name: `${range.prefix}${i}`, inode: bulkInode(inode, range, i) });
    }
  }
  return out;
}

/** Entry count without materialising bulk entries (`ls | wc -l` on a million files). */
export function countEntries(dir: DirInode): number {
  let n = Object.keys(dir.entries).length;
  for (const range of dir.bulk ?? []) n += range.end - range.start;
  return n;
}

export function mountForPath(state: HostState, canonical: string): Mount {
  let best: Mount | undefined;
  for (const mount of state.fs.mounts) {
    if (mount.mounted === false) continue;
    const t = mount.target;
    if (canonical === t || canonical.startsWith(t === "/" ? "/" : `${t}/`)) {
      if (!best || t.length > best.target.length) best = mount;
    }
  }
  if (!best) throw new Error("no root mount");
  return best;
}

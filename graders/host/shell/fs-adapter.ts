import { sbinScript } from "../commands/sbin.ts";
import type { FsStat, IFileSystem, MkdirOptions, RmOptions, CpOptions, BufferEncoding, FileContent } from "just-bash";

/** just-bash does not re-export its Dirent type; this is its shape. */
interface DirentEntry {
  name: string;
  isFile: boolean;
  isDirectory: boolean;
  isSymbolicLink: boolean;
}
import { SysError } from "../state/errors.ts";
import * as fs from "../state/fs.ts";
import { joinPath } from "../state/paths.ts";
import { fileSize } from "../state/usage.ts";
import type { Inode } from "../state/types.ts";
import { procEntry, procFdInode, procNode, writeOomScoreAdj, type ProcNode } from "./procfs.ts";
import type { Runtime } from "./runtime.ts";
import { withCallerAccess } from "./access-mode.ts";
import { hugeGlobEntries } from "./arglist.ts";

/**
 * just-bash's IFileSystem over the host model. just-bash's interpreter and
 * its text tools (grep, sed, awk, redirections, globs) see exactly the files
 * our own commands see, with the permissions of whoever runs the command
 * right now (rt.cred, switched by sudo). Nothing here touches the real disk.
 */

/** Reads larger than this fail rather than materialise gigabytes in memory. */
const MAX_READ_BYTES = 64 * 1024 * 1024;

const isProc = (p: string): boolean => p === "/proc" || p.startsWith("/proc/");

function toText(content: FileContent): string {
  return typeof content === "string" ? content : Buffer.from(content).toString("latin1");
}

function statOf(inode: Inode): FsStat {
  const typeBits = { file: 0o100000, dir: 0o040000, symlink: 0o120000, chr: 0o020000 }[inode.kind];
  return {
    isFile: inode.kind === "file" || inode.kind === "chr",
    isDirectory: inode.kind === "dir",
    isSymbolicLink: inode.kind === "symlink",
    mode: typeBits | inode.mode,
    size: fileSize(inode),
    mtime: new Date(inode.mtimeMs),
    dev: inode.dev,
    ino: inode.ino,
  };
}

function procStat(node: ProcNode, now: number): FsStat {
  const typeBits = { file: 0o100000, dir: 0o040000, symlink: 0o120000 }[node.kind];
  return {
    isFile: node.kind === "file",
    isDirectory: node.kind === "dir",
    isSymbolicLink: node.kind === "symlink",
    mode: typeBits | node.mode,
    size: node.kind === "symlink" ? node.target.length : 0,
    mtime: new Date(now),
  };
}

export class HostFs implements IFileSystem {
  private readonly rt: Runtime;
  /**
   * Paths that stat() as executables without being in the model: the session's
   * own bookkeeping command must be found on $PATH, yet never listed or read.
   */
  private readonly hidden: Set<string>;

  constructor(rt: Runtime, hidden: string[] = []) {
    this.rt = rt;
    this.hidden = new Set(hidden);
  }

  private get state() {
    return this.rt.host.state;
  }

  /** Follow /proc symlinks that point back into the model (e.g. /proc/1/cwd -> /). */
  private procFollow(path: string): ProcNode {
    const node = procNode(this.rt, path);
    return node;
  }

  readContent(path: string): string {
    if (isProc(path)) {
      const inode = procFdInode(this.rt, path);
      if (inode) return this.boundedRead(inode, path);
      const node = this.procFollow(path);
      if (node.kind === "dir") throw new SysError("EISDIR", path);
      if (node.kind === "symlink") return this.readContent(node.target);
      return node.read();
    }
    const { inode } = fs.openForRead(this.state, this.rt.cred, path);
    if (inode.kind === "chr") {
      if (inode.device === "null") return "";
      throw new SysError("EINVAL", path);
    }
    return this.boundedRead(inode, path);
  }

  private boundedRead(inode: Inode, path: string): string {
    if (inode.kind !== "file") return "";
    const size = fileSize(inode);
    if (size > MAX_READ_BYTES) throw new SysError("EFBIG", path);
    return fs.readFileRange(inode, 0, size);
  }

  async readFile(path: string): Promise<string> {
    // The shell executing a /usr/sbin tool the host implements (see commands/sbin.ts).
    const sbin = isProc(path) ? null : sbinScript(fs.tryResolve(this.state, this.rt.cred, path)?.path ?? "");
    if (sbin !== null) return sbin;
    return Buffer.from(this.readContent(path), "latin1").toString("utf8");
  }

  async readFileBuffer(path: string): Promise<Uint8Array> {
    return new Uint8Array(Buffer.from(this.readContent(path), "latin1"));
  }

  async writeFile(path: string, content: FileContent, _options?: unknown): Promise<void> {
    this.recording(() => this.write(path, toText(content), false));
  }

  async appendFile(path: string, content: FileContent, _options?: BufferEncoding | object): Promise<void> {
    this.recording(() => this.write(path, toText(content), true));
  }

  /** Remember the errno of a failed open so the shell can print it for a redirect. */
  private recording<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof SysError) this.rt.lastFsError = e.code;
      throw e;
    }
  }

  private write(path: string, data: string, append: boolean): void {
    const bytes = Buffer.from(data, "utf8").toString("latin1");
    if (isProc(path)) {
      if (writeOomScoreAdj(this.rt, path, bytes)) return;
      const inode = procFdInode(this.rt, path);
      if (!inode) throw new SysError("EACCES", path);
      if (append) fs.writeInode(this.state, this.rt.cred, inode, inode.genBytes, inode.text + bytes, path);
      else fs.writeInode(this.state, this.rt.cred, inode, 0, bytes, path);
      return;
    }
    fs.writeFile(this.state, this.rt.cred, path, bytes, append);
  }

  async exists(path: string): Promise<boolean> {
    try {
      await this.stat(path);
      return true;
    } catch {
      return false;
    }
  }

  async stat(path: string): Promise<FsStat> {
    return this.recording(() => this.statSync(path));
  }

  private statSync(path: string): FsStat {
    if (this.hidden.has(path)) return { isFile: true, isDirectory: false, isSymbolicLink: false, mode: 0o100755, size: 0, mtime: new Date(0) };
    if (isProc(path)) {
      const inode = procFdInode(this.rt, path);
      if (inode) return statOf(inode);
      const node = this.procFollow(path);
      if (node.kind === "symlink" && node.target.startsWith("/")) return this.statSync(node.target);
      return procStat(node, this.rt.host.now);
    }
    const inode = fs.resolve(this.state, this.rt.cred, path, true).inode;
    return withCallerAccess(statOf(inode), inode, this.rt.cred, this.state);
  }

  async lstat(path: string): Promise<FsStat> {
    if (isProc(path)) return procStat(this.procFollow(path), this.rt.host.now);
    return statOf(fs.resolve(this.state, this.rt.cred, path, false).inode);
  }

  async mkdir(path: string, options?: MkdirOptions): Promise<void> {
    if (isProc(path)) throw new SysError("ENOENT", path);
    if (options?.recursive) {
      let prefix = "";
      for (const part of path.split("/").filter(Boolean)) {
        prefix += `/${part}`;
        if (!fs.tryResolve(this.state, this.rt.cred, prefix)) fs.mkdir(this.state, this.rt.cred, prefix);
      }
      return;
    }
    fs.mkdir(this.state, this.rt.cred, path);
  }

  async readdir(path: string): Promise<string[]> {
    return (await this.readdirWithFileTypes(path)).map((e) => e.name);
  }

  async readdirWithFileTypes(path: string): Promise<DirentEntry[]> {
    if (isProc(path)) {
      const node = this.procFollow(path);
      if (node.kind !== "dir") throw new SysError("ENOTDIR", path);
      const cred = this.rt.cred;
      const bits = cred.uid === node.uid ? node.mode >> 6 : node.mode;
      if (cred.uid !== 0 && !(bits & 4)) throw new SysError("EACCES", path);
      return node.entries.map((name) => {
        // Private entries (cwd, exe, environ of others) are still listed, with their type.
        const kind = procEntry(this.rt, `${path}/${name}`.replace("//", "/")).kind;
        return { name, isFile: kind === "file", isDirectory: kind === "dir", isSymbolicLink: kind === "symlink" };
      });
    }
    const found = fs.resolve(this.state, this.rt.cred, path);
    if (found.inode.kind === "dir" && found.inode.bulk?.length) {
      // Only glob expansion lists directories through here: a huge one is matched by counting (arglist.ts).
      const real = fs.readdir(this.state, this.rt.cred, path, 0);
      const matched = hugeGlobEntries(this.rt, found.path, found.inode, real);
      if (matched) return matched.map(({ name, inode }) => ({ name, isFile: inode.kind === "file", isDirectory: inode.kind === "dir", isSymbolicLink: inode.kind === "symlink" }));
    }
    return fs
      .readdir(this.state, this.rt.cred, path)
      .map(({ name, inode }) => ({ name, isFile: inode.kind === "file", isDirectory: inode.kind === "dir", isSymbolicLink: inode.kind === "symlink" }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  async rm(path: string, options?: RmOptions): Promise<void> {
    if (isProc(path)) throw new SysError("EACCES", path);
    const found = fs.tryResolve(this.state, this.rt.cred, path, false);
    if (!found) {
      if (options?.force) return;
      fs.resolve(this.state, this.rt.cred, path, false);
    }
    if (found?.inode.kind === "dir") {
      if (!options?.recursive) throw new SysError("EISDIR", path);
      const dir = found.inode;
      if (dir.bulk?.length) {
        // A huge directory's counted entries go in one step: the same unlink(2) permission for each of them.
        fs.readdir(this.state, this.rt.cred, path, 0);
        if (!fs.permits(dir, this.rt.cred, 3)) throw new SysError("EACCES", `${path}/${dir.bulk[0]?.prefix ?? ""}${dir.bulk[0]?.start ?? ""}`);
        fs.removeBulkWhere(dir, () => false);
        dir.mtimeMs = this.rt.host.now;
      }
      for (const name of fs.readdir(this.state, this.rt.cred, path).map((e) => e.name)) {
        await this.rm(`${path}/${name}`, options);
      }
      fs.rmdir(this.state, this.rt.cred, path);
      return;
    }
    fs.unlink(this.state, this.rt.cred, path);
  }

  async cp(src: string, dest: string, options?: CpOptions): Promise<void> {
    const st = await this.stat(src);
    if (st.isDirectory) {
      if (!options?.recursive) throw new SysError("EISDIR", src);
      await this.mkdir(dest);
      for (const name of await this.readdir(src)) await this.cp(`${src}/${name}`, `${dest}/${name}`, options);
      return;
    }
    this.write(dest, Buffer.from(this.readContent(src), "latin1").toString("utf8"), false);
  }

  async mv(src: string, dest: string): Promise<void> {
    fs.rename(this.state, this.rt.cred, src, dest);
  }

  resolvePath(base: string, path: string): string {
    return joinPath(base, path);
  }

  /** Globs walk directories through readdir instead; a full path list would defeat lazy huge directories. */
  getAllPaths(): string[] {
    return [];
  }

  async chmod(path: string, mode: number): Promise<void> {
    fs.chmod(this.state, this.rt.cred, path, mode);
  }

  async symlink(target: string, linkPath: string): Promise<void> {
    fs.symlink(this.state, this.rt.cred, target, linkPath);
  }

  async link(existingPath: string, newPath: string): Promise<void> {
    fs.link(this.state, this.rt.cred, existingPath, newPath);
  }

  async readlink(path: string): Promise<string> {
    if (isProc(path)) {
      const node = this.procFollow(path);
      if (node.kind !== "symlink") throw new SysError("EINVAL", path);
      return node.target;
    }
    const { inode } = fs.resolve(this.state, this.rt.cred, path, false);
    if (inode.kind !== "symlink") throw new SysError("EINVAL", path);
    return inode.target;
  }

  async realpath(path: string): Promise<string> {
    if (isProc(path)) return path;
    return fs.resolve(this.state, this.rt.cred, path, true).path;
  }

  async utimes(path: string, _atime: Date, mtime: Date): Promise<void> {
    fs.utimes(this.state, this.rt.cred, path, mtime.getTime());
  }
}

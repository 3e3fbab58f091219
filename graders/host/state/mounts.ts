import { SysError } from "./errors.ts";
import { getInode, isReadOnly, resolve, ROOT } from "./fs.ts";
import { basename, dirname } from "./paths.ts";
import type { Host } from "./host.ts";
import type { DirInode, HostState, Mount } from "./types.ts";

/**
 * Mounting and unmounting model filesystems, and what the kernel shows of
 * them (/proc/self/mountinfo order and options). The model keeps a mounted
 * filesystem's root directory in its mountpoint's parent entry; unmounting
 * swaps the covered directory back in, so `ls` of the mountpoint shows the
 * empty directory underneath, as on a real host.
 */

export function isMounted(m: Mount): boolean {
  return m.mounted !== false;
}

/** The mount a `mount`/`umount`/`findmnt` argument names: target, device, UUID=, LABEL=. */
export function findMount(state: HostState, spec: string): Mount | undefined {
  const clean = spec.length > 1 ? spec.replace(/\/+$/, "") : spec;
  return state.fs.mounts.find((m) =>
    m.target === clean || m.source === clean || (m.uuid !== undefined && (clean === `UUID=${m.uuid}` || clean === `/dev/disk/by-uuid/${m.uuid}`)) || (m.label !== undefined && clean === `LABEL=${m.label}`));
}

/** Processes keeping the filesystem busy: a cwd or an open file on it. */
export function busyPids(state: HostState, m: Mount): number[] {
  const pids: number[] = [];
  for (const proc of Object.values(state.procs)) {
    if (proc.state === "Z") continue;
    const cwdOn = proc.cwd === m.target || proc.cwd.startsWith(`${m.target}/`);
    const fdOn = Object.values(proc.fds).some((fd) => fd.kind === "file" && state.fs.inodes[fd.ino]?.dev === m.dev);
    if (cwdOn || fdOn) pids.push(proc.pid);
  }
  return pids;
}

function parentDir(state: HostState, target: string): { dir: DirInode; name: string } {
  const dir = resolve(state, ROOT, dirname(target)).inode;
  if (dir.kind !== "dir") throw new SysError("ENOTDIR", target);
  return { dir, name: basename(target) };
}

/** umount(2): EBUSY while in use; afterwards the mountpoint's own (empty) directory is visible again. */
export function unmount(state: HostState, m: Mount): void {
  if (!isMounted(m)) throw new SysError("EINVAL", m.target);
  if (m.target === "/" || busyPids(state, m).length > 0) throw new SysError("EBUSY", m.target);
  const { dir, name } = parentDir(state, m.target);
  const rootIno = dir.entries[name];
  if (rootIno === undefined) throw new Error(`mount root of ${m.target} missing`);
  let cover = m.coverIno !== undefined ? state.fs.inodes[m.coverIno] : undefined;
  if (!cover) {
    // The directory the filesystem was mounted over, as the image or `mkdir` left it.
    const ino = state.fs.nextIno++;
    cover = { ino, dev: dir.dev, kind: "dir", mode: 0o755, uid: 0, gid: 0, mtimeMs: getInode(state, rootIno).mtimeMs, nlink: 2, entries: {} };
    state.fs.inodes[ino] = cover;
  }
  dir.entries[name] = cover.ino;
  m.coverIno = cover.ino;
  m.rootIno = rootIno;
  m.mounted = false;
}

/** mount(2) of an unmounted model filesystem at its target with `options`. */
export function mountAgain(state: HostState, m: Mount, options: string): void {
  if (isMounted(m)) throw new SysError("EBUSY", m.target);
  if (m.rootIno === undefined) throw new Error(`no filesystem root for ${m.source}`);
  const { dir, name } = parentDir(state, m.target);
  const cover = dir.entries[name];
  if (cover === undefined || getInode(state, cover).kind !== "dir") throw new SysError("ENOENT", m.target);
  m.coverIno = cover;
  dir.entries[name] = m.rootIno;
  m.mounted = true;
  m.options = options;
}

/** Apply `-o` changes to an options string: ro/rw replace each other, others are added or replaced by key. */
export function mergeOptions(current: string, change: string[]): string {
  let opts = current.split(",").filter(Boolean);
  for (const o of change) {
    if (o === "remount" || o === "defaults" || o === "nofail" || o.startsWith("x-")) continue;
    const key = o.split("=")[0] as string;
    if (o === "ro" || o === "rw") opts = opts.filter((x) => x !== "ro" && x !== "rw");
    else opts = opts.filter((x) => x.split("=")[0] !== key);
    if (o === "ro" || o === "rw") opts.unshift(o);
    else opts.push(o);
  }
  return opts.join(",");
}

/** Kernel-side options for a fresh mount from fstab-style options, as ext4 reports them. */
export function kernelOptions(fstabOptions: string[]): string {
  return mergeOptions("rw,relatime", fstabOptions.filter((o) => ["ro", "rw", "noatime", "relatime", "discard", "noexec", "nosuid", "nodev"].includes(o) || o.startsWith("errors=")));
}

/**
 * ext4's error path (ext4_handle_error): log the error, and with
 * errors=remount-ro make the mount read-only. The error stays recorded in
 * the superblock until e2fsck repairs the filesystem.
 */
export function ext4Error(host: Host, m: Mount, message: string, opts: { abortJournal?: boolean } = {}): void {
  const dev = m.source.replace(/^\/dev\//, "");
  const kernel = (priority: number, text: string): void => host.log({ ident: "kernel", pid: null, unit: null, priority, message: text });
  kernel(2, `EXT4-fs error (device ${dev}): ${message}`);
  if (m.fsErrors) {
    m.fsErrors.count += 1;
    m.fsErrors.lastMs = host.now;
  }
  if (isReadOnly(m) || !m.options.split(",").includes("errors=remount-ro")) return;
  if (opts.abortJournal) {
    kernel(2, `Aborting journal on device ${dev}-8.`);
    if (m.fsErrors) m.fsErrors.journalAborted = true;
  }
  kernel(2, `EXT4-fs (${dev}): Remounting filesystem read-only`);
  m.options = mergeOptions(m.options, ["ro"]);
}

export interface MountRow {
  source: string;
  target: string;
  fstype: string;
  options: string;
}

/** Pseudo filesystems every Debian 12 VM has, which the model does not otherwise need. [target, source, type, options, after] */
const PSEUDO: [string, string, string, string, string][] = [
  ["/sys", "sysfs", "sysfs", "rw,nosuid,nodev,noexec,relatime", ""],
  ["/proc", "proc", "proc", "rw,nosuid,nodev,noexec,relatime", ""],
  ["/dev/pts", "devpts", "devpts", "rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=000", "/dev"],
  ["/sys/kernel/security", "securityfs", "securityfs", "rw,nosuid,nodev,noexec,relatime", "/"],
  ["/sys/fs/cgroup", "cgroup2", "cgroup2", "rw,nosuid,nodev,noexec,relatime,nsdelegate,memory_recursiveprot", "/run/lock"],
  ["/sys/fs/pstore", "pstore", "pstore", "rw,nosuid,nodev,noexec,relatime", "/run/lock"],
  ["/sys/fs/bpf", "bpf", "bpf", "rw,nosuid,nodev,noexec,relatime,mode=700", "/run/lock"],
  ["/proc/sys/fs/binfmt_misc", "systemd-1", "autofs", "rw,relatime,fd=30,pgrp=1,timeout=0,minproto=5,maxproto=5,direct,pipe_ino=10956", "/run/lock"],
  ["/dev/hugepages", "hugetlbfs", "hugetlbfs", "rw,relatime,pagesize=2M", "/run/lock"],
  ["/dev/mqueue", "mqueue", "mqueue", "rw,nosuid,nodev,noexec,relatime", "/run/lock"],
  ["/sys/kernel/debug", "debugfs", "debugfs", "rw,nosuid,nodev,noexec,relatime", "/run/lock"],
  ["/sys/kernel/tracing", "tracefs", "tracefs", "rw,nosuid,nodev,noexec,relatime", "/run/lock"],
  ["/sys/kernel/config", "configfs", "configfs", "rw,nosuid,nodev,noexec,relatime", "/run/lock"],
  ["/sys/fs/fuse/connections", "fusectl", "fusectl", "rw,nosuid,nodev,noexec,relatime", "/run/lock"],
];

/** What the kernel prints for a model mount's options (the model stores only the part that matters to it). */
function shownOptions(m: Mount): string {
  const rw = isReadOnly(m) ? "ro" : "rw";
  const kib = m.totalBlocks * (m.blockSize / 1024);
  switch (m.target) {
    case "/": return `${rw},relatime,discard,errors=remount-ro`;
    case "/dev": return `${rw},nosuid,relatime,size=${kib}k,nr_inodes=${m.totalInodes},mode=755,inode64`;
    case "/run": return `${rw},nosuid,nodev,noexec,relatime,size=${kib}k,mode=755,inode64`;
    case "/dev/shm": return `${rw},nosuid,nodev,inode64`;
    case "/run/lock": return `${rw},nosuid,nodev,noexec,relatime,size=${kib}k,inode64`;
    case "/boot/efi": return `${rw},relatime,fmask=0022,dmask=0022,codepage=437,iocharset=ascii,shortname=mixed,utf8,errors=remount-ro`;
    default:
      if (m.target.startsWith("/run/user/")) {
        const uid = m.target.slice("/run/user/".length);
        return `${rw},nosuid,nodev,relatime,size=${kib}k,nr_inodes=${m.totalInodes},mode=700,uid=${uid},gid=${uid},inode64`;
      }
      return m.options;
  }
}

/** The mount table in /proc/self/mountinfo order: what mount(8) and findmnt list. */
export function mountTable(state: HostState): MountRow[] {
  const model = [...state.fs.mounts].filter(isMounted).sort((a, b) => (a.seq ?? a.dev) - (b.seq ?? b.dev));
  const rows: MountRow[] = [];
  const pseudoAfter = (target: string): void => {
    for (const [t, source, fstype, options, after] of PSEUDO) if (after === target) rows.push({ source, target: t, fstype, options });
  };
  pseudoAfter("");
  for (const m of model) {
    rows.push({ source: m.source, target: m.target, fstype: m.fstype, options: shownOptions(m) });
    pseudoAfter(m.target);
  }
  return rows;
}

export interface FstabEntry {
  spec: string;
  file: string;
  vfstype: string;
  options: string[];
  freq: number;
  passno: number;
}

/** /etc/fstab as libmount reads it: whitespace-separated fields, comments and blank lines skipped. */
export function parseFstab(text: string): FstabEntry[] {
  const out: FstabEntry[] = [];
  for (const line of text.split("\n")) {
    const t = line.trim();
    if (t === "" || t.startsWith("#")) continue;
    const [spec, file, vfstype, options, freq, passno] = t.split(/\s+/);
    if (!spec || !file) continue;
    out.push({ spec, file, vfstype: vfstype ?? "auto", options: (options ?? "defaults").split(","), freq: Number(freq ?? 0), passno: Number(passno ?? 0) });
  }
  return out;
}

/**
 * The model filesystem an fstab source names (device path, UUID=, LABEL=). The
 * base image's PARTUUID= lines are not modelled per partition: `target` (the
 * fstab mountpoint) identifies those.
 */
export function mountForSpec(state: HostState, spec: string, target?: string): Mount | undefined {
  return state.fs.mounts.find((m) => m.source === spec || (m.uuid !== undefined && spec === `UUID=${m.uuid}`) || (m.label !== undefined && spec === `LABEL=${m.label}`))
    ?? (target !== undefined ? state.fs.mounts.find((m) => m.target === target) : spec.startsWith("PARTUUID=") ? undefined : findMount(state, spec));
}

/** /proc/mounts (and /proc/PID/mounts): "source target type options 0 0" per line, mountinfo order. */
export function procMounts(state: HostState): string {
  return mountTable(state).map((r) => `${r.source} ${r.target} ${r.fstype} ${r.options} 0 0\n`).join("");
}

import { SysError } from "../state/errors.ts";
import { procMounts } from "../state/mounts.ts";
import { getInode } from "../state/fs.ts";
import { cpuMs, rssKb, threads, vszKb } from "../state/procs.ts";
import { loadAverages, runningCount } from "../state/load.ts";
import { memInfo } from "../state/memory.ts";
import type { FdTarget, FileInode, Proc } from "../state/types.ts";
import type { Runtime } from "./runtime.ts";
import { oomScore, oomScoreAdj } from "../state/oom.ts";

/**
 * /proc, generated from the process table on every access, so it can never
 * disagree with ps or lsof. Only what troubleshooting uses is present: per-pid
 * fd/, cmdline, environ, status, limits, and the system-wide loadavg,
 * meminfo, uptime.
 */

export type ProcNode =
  | { kind: "dir"; entries: string[]; mode: number; uid: number; gid: number }
  | { kind: "file"; read: () => string; mode: number; uid: number; gid: number }
  | { kind: "symlink"; target: string; mode: number; uid: number; gid: number };

const PID_FILES = ["cmdline", "cwd", "environ", "exe", "fd", "io", "limits", "mounts", "oom_score", "oom_score_adj", "status"];

export function fdLinkTarget(rt: Runtime, fd: FdTarget): string {
  switch (fd.kind) {
    case "file": {
      const inode = rt.host.state.fs.inodes[fd.ino];
      return inode && inode.nlink === 0 ? `${fd.path} (deleted)` : fd.path;
    }
    case "chr":
      return fd.path;
    case "socket":
      return `socket:[${fd.inode}]`;
    case "pipe":
      return `pipe:[${fd.inode}]`;
  }
}

/** The fd symlink's mode mirrors how the fd was opened: lr-x for reading, l-wx for writing, lrwx for both. */
function fdLinkMode(fd: FdTarget): number {
  if (fd.kind === "socket" || fd.kind === "pipe") return fd.kind === "pipe" ? 0o500 : 0o700;
  return fd.mode === "r" ? 0o500 : fd.mode === "rw" ? 0o700 : 0o300;
}

function procOf(rt: Runtime, pidText: string, path: string): Proc {
  const proc = /^[0-9]+$/.test(pidText) ? rt.host.state.procs[pidText] : undefined;
  if (!proc) throw new SysError("ENOENT", path);
  return proc;
}

/** fd/, environ, cwd and exe are private to the owner (ptrace access mode), as on Linux. */
function requireOwner(rt: Runtime, proc: Proc, path: string): void {
  if (rt.cred.uid !== 0 && rt.cred.uid !== proc.uid) throw new SysError("EACCES", path);
}

export function procNode(rt: Runtime, abs: string): ProcNode {
  const parts = abs.split("/").filter(Boolean).slice(1);
  const state = rt.host.state;
  const ro = (read: () => string, uid = 0, mode = 0o444): ProcNode => ({ kind: "file", read, mode, uid, gid: uid });
  if (parts.length === 0) {
    return { kind: "dir", entries: [...Object.keys(state.procs), "loadavg", "meminfo", "mounts", "uptime"], mode: 0o555, uid: 0, gid: 0 };
  }
  const [first, second, third, ...rest] = parts as [string, string?, string?, ...string[]];
  if (first === "loadavg") return ro(() => loadavg(rt));
  if (first === "uptime") return ro(() => uptime(rt));
  if (first === "meminfo") return ro(() => meminfo(rt));
  // On Linux /proc/mounts links to self/mounts; every process here shares the one mount namespace.
  if (first === "mounts") return ro(() => procMounts(state));
  const proc = procOf(rt, first, abs);
  const own = { uid: proc.uid, gid: proc.gid };
  if (second === undefined) return { kind: "dir", entries: PID_FILES, mode: 0o555, ...own };
  switch (second) {
    case "cmdline":
      return ro(() => (proc.argv.length ? proc.argv.join("\0") + "\0" : ""), proc.uid);
    case "environ":
      requireOwner(rt, proc, abs);
      return ro(() => Object.entries(proc.env).map(([k, v]) => `${k}=${v}\0`).join(""), proc.uid, 0o400);
    case "status":
      return ro(() => status(rt, proc), proc.uid);
    case "limits":
      return ro(() => limits(proc), proc.uid);
    case "io":
      // Readable by the owner only (ptrace read access), like fd/ and environ.
      requireOwner(rt, proc, abs);
      return ro(() => ioStats(rt, proc), proc.uid, 0o400);
    case "mounts":
      return ro(() => procMounts(state), proc.uid);
    case "oom_score":
      return ro(() => `${oomScore(proc, rt.host.now)}\n`, proc.uid);
    case "oom_score_adj":
      // -rw-r--r--: readable by all; writes go through writeOomScoreAdj().
      return ro(() => `${oomScoreAdj(proc)}\n`, proc.uid, 0o644);
    case "cwd":
      requireOwner(rt, proc, abs);
      return { kind: "symlink", target: proc.cwd, mode: 0o777, ...own };
    case "exe":
      requireOwner(rt, proc, abs);
      return { kind: "symlink", target: proc.exe, mode: 0o777, ...own };
    case "fd": {
      // Anyone may stat the fd directory (its mode, dr-x------, keeps others from listing it); its links are private.
      if (third === undefined) return { kind: "dir", entries: Object.keys(proc.fds).sort((a, b) => Number(a) - Number(b)), mode: 0o500, ...own };
      requireOwner(rt, proc, abs);
      const fd = proc.fds[third];
      if (!fd || rest.length) throw new SysError("ENOENT", abs);
      return { kind: "symlink", target: fdLinkTarget(rt, fd), mode: fdLinkMode(fd), ...own };
    }
  }
  throw new SysError("ENOENT", abs);
}

/**
 * A /proc entry as a directory listing shows it, even when its content is
 * private to the owner (cwd, exe, environ of other users' processes): the
 * name, type and owner are public, the target is not (empty here).
 */
export function procEntry(rt: Runtime, abs: string): ProcNode {
  try {
    return procNode(rt, abs);
  } catch (e) {
    if (!(e instanceof SysError) || e.code !== "EACCES") throw e;
    const parts = abs.split("/").filter(Boolean);
    const proc = rt.host.state.procs[parts[1] ?? ""];
    const own = { uid: proc?.uid ?? 0, gid: proc?.gid ?? 0 };
    const name = parts[parts.length - 1] ?? "";
    if (name === "cwd" || name === "exe" || parts.length === 4) return { kind: "symlink", target: "", mode: 0o777, ...own };
    if (name === "fd") return { kind: "dir", entries: [], mode: 0o500, ...own };
    return { kind: "file", read: () => "", mode: 0o400, ...own };
  }
}

/**
 * Opening /proc/PID/fd/N opens the object the process has open, even when its
 * name is gone: the route to truncating a deleted-but-open log.
 */
export function procFdInode(rt: Runtime, abs: string): FileInode | null {
  const m = /^\/proc\/([0-9]+)\/fd\/([0-9]+)$/.exec(abs);
  if (!m) return null;
  const proc = procOf(rt, m[1] as string, abs);
  requireOwner(rt, proc, abs);
  const fd = proc.fds[m[2] as string];
  if (!fd) throw new SysError("ENOENT", abs);
  if (fd.kind !== "file") return null;
  const inode = getInode(rt.host.state, fd.ino);
  return inode.kind === "file" ? inode : null;
}

function loadavg(rt: Runtime): string {
  const [a, b, c] = loadAverages(rt.host);
  const procs = Object.values(rt.host.state.procs).length;
  return `${a.toFixed(2)} ${b.toFixed(2)} ${c.toFixed(2)} ${runningCount(rt.host)}/${procs + 60} ${rt.host.state.nextPid - 1}\n`;
}

function uptime(rt: Runtime): string {
  const up = (rt.host.now - rt.host.state.clock.bootMs) / 1000;
  return `${up.toFixed(2)} ${(up * 1.9).toFixed(2)}\n`;
}

function meminfo(rt: Runtime): string {
  const m = memInfo(rt.host);
  const rows: [string, number][] = [
    ["MemTotal", m.total], ["MemFree", m.free], ["MemAvailable", m.available], ["Buffers", m.buffers],
    ["Cached", m.cached], ["SwapCached", 0], ["SwapTotal", m.swapTotal], ["SwapFree", m.swapFree],
    ["Shmem", m.shared], ["SReclaimable", m.sReclaimable],
  ];
  return rows.map(([k, v]) => `${`${k}:`.padEnd(16)}${String(Math.round(v)).padStart(8)} kB\n`).join("");
}

function status(rt: Runtime, proc: Proc): string {
  const names: Record<string, string> = { R: "R (running)", S: "S (sleeping)", D: "D (disk sleep)", Z: "Z (zombie)", T: "T (stopped)", I: "I (idle)" };
  return [
    `Name:\t${proc.comm}`, "Umask:\t0022", `State:\t${names[proc.state] ?? proc.state}`, `Tgid:\t${proc.pid}`, "Ngid:\t0",
    `Pid:\t${proc.pid}`, `PPid:\t${proc.ppid}`, "TracerPid:\t0", `Uid:\t${proc.uid}\t${proc.uid}\t${proc.uid}\t${proc.uid}`,
    `Gid:\t${proc.gid}\t${proc.gid}\t${proc.gid}\t${proc.gid}`, `FDSize:\t${Math.max(64, 2 ** Math.ceil(Math.log2(Object.keys(proc.fds).length + 1)))}`,
    `VmSize:\t${String(vszKb(proc, rt.host.now)).padStart(8)} kB`, `VmRSS:\t${String(rssKb(proc, rt.host.now)).padStart(8)} kB`,
    `Threads:\t${threads(proc)}`, "",
  ].join("\n");
}

function limits(proc: Proc): string {
  const fmt = (v: number): string => (v === Infinity || v < 0 ? "unlimited" : String(v));
  const row = (name: string, soft: string, hard: string, units: string): string =>
    `${name.padEnd(26)}${soft.padEnd(21)}${hard.padEnd(21)}${units.padEnd(10)}`.trimEnd() + "\n";
  return (
    row("Limit", "Soft Limit", "Hard Limit", "Units") +
    row("Max cpu time", "unlimited", "unlimited", "seconds") +
    row("Max file size", "unlimited", "unlimited", "bytes") +
    row("Max data size", "unlimited", "unlimited", "bytes") +
    row("Max stack size", "8388608", "unlimited", "bytes") +
    row("Max core file size", "0", "unlimited", "bytes") +
    row("Max resident set", "unlimited", "unlimited", "bytes") +
    row("Max processes", fmt(proc.limits.nproc[0]), fmt(proc.limits.nproc[1]), "processes") +
    row("Max open files", fmt(proc.limits.nofile[0]), fmt(proc.limits.nofile[1]), "files")
  );
}

export function procCpuSeconds(rt: Runtime, proc: Proc): number {
  return cpuMs(proc, rt.host.now) / 1000;
}



/**
 * A write to /proc/PID/oom_score_adj (`echo -1000 > ...`): the owner may raise
 * it, lowering it needs CAP_SYS_RESOURCE (root), and anything that is not an
 * integer in [-1000, 1000] is EINVAL, as proc_oom_score_adj_write() rules.
 * Returns false for any other /proc path.
 */
export function writeOomScoreAdj(rt: Runtime, abs: string, data: string): boolean {
  const m = /^\/proc\/([0-9]+)\/oom_score_adj$/.exec(abs);
  if (!m) return false;
  const proc = procOf(rt, m[1] as string, abs);
  if (rt.cred.uid !== 0 && rt.cred.uid !== proc.uid) throw new SysError("EACCES", abs);
  const text = data.trim();
  // A redirect opens with O_TRUNC before it writes; /proc files ignore the truncation.
  if (data === "") return true;
  const value = Number(text);
  if (!/^-?[0-9]+$/.test(text) || value < -1000 || value > 1000) throw new SysError("EINVAL", abs);
  if (rt.cred.uid !== 0 && value < (proc.oomScoreAdj ?? 0)) throw new SysError("EACCES", abs);
  proc.oomScoreAdj = value;
  return true;
}

/**
 * /proc/PID/io: bytes the process asked the block layer for, from the rates
 * it runs at (and a job's own progress where it keeps one), plus what it read
 * and wrote through the page cache (rchar/wchar) and its syscalls.
 */
function ioStats(rt: Runtime, proc: Proc): string {
  const age = Math.max(0, rt.host.now - proc.startMs) / 1000;
  const doneKb = Number(proc.params?.doneKb ?? NaN);
  const readKb = proc.program === "backup-tar" && Number.isFinite(doneKb) ? doneKb : (proc.ioReadKbPerSec ?? 0) * age;
  const writeKb = (proc.ioWriteKbPerSec ?? 0) * age;
  const read = Math.round(readKb * 1024);
  const write = Math.round(writeKb * 1024);
  // Small reads of config and libraries at start come from the page cache.
  const rchar = read + 180_000 + (proc.pid % 97) * 1024;
  const wchar = write + 4_096 * ((proc.pid % 13) + 1);
  return [
    `rchar: ${rchar}`, `wchar: ${wchar}`, `syscr: ${Math.round(rchar / 65_536) + 140}`, `syscw: ${Math.round(wchar / 65_536) + 12}`,
    `read_bytes: ${read}`, `write_bytes: ${write}`, "cancelled_write_bytes: 0", "",
  ].join("\n");
}

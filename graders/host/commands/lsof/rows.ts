import type { Host } from "../../state/host.ts";
import { fileSize } from "../../state/usage.ts";
import type { FdTarget, Inode, Proc } from "../../state/types.ts";
import { DEVICE_NUMBERS } from "../ls/mode.ts";
import * as fs from "../../state/fs.ts";
import { deviceOf } from "../devnum.ts";

/** One line of lsof output before layout. */
export interface LsofRow {
  command: string;
  pid: number;
  user: string;
  fd: string;
  mode: string;
  type: string;
  device: string;
  sizeOff: string;
  nlink: string;
  node: string;
  name: string;
  /** For filtering: the inode behind the row, if it is a file in the model. */
  ino?: number;
  port?: number;
}

const SERVICE_NAMES: Record<number, string> = { 22: "ssh", 80: "http", 443: "https", 53: "domain", 25: "smtp" };

function inodeRow(host: Host, base: Omit<LsofRow, "fd" | "mode" | "type" | "device" | "sizeOff" | "nlink" | "node" | "name">, fd: string, mode: string, inode: Inode, name: string): LsofRow {
  const deleted = inode.nlink === 0;
  if (inode.kind === "chr") {
    const [maj, min] = DEVICE_NUMBERS[inode.device] ?? [1, 3];
    return { ...base, fd, mode, type: "CHR", device: `${maj},${min}`, sizeOff: "0t0", nlink: String(inode.nlink), node: String(inode.ino), name, ino: inode.ino };
  }
  return {
    ...base, fd, mode, type: inode.kind === "dir" ? "DIR" : "REG", device: deviceOf(host, inode.dev),
    sizeOff: String(fileSize(inode)), nlink: String(inode.nlink), node: String(inode.ino),
    name: deleted ? `${name} (deleted)` : name, ino: inode.ino,
  };
}

function fdRow(host: Host, base: Omit<LsofRow, "fd" | "mode" | "type" | "device" | "sizeOff" | "nlink" | "node" | "name">, n: string, t: FdTarget, numeric: boolean): LsofRow {
  const fdMode = (m: string): string => (m === "r" ? "r" : m === "rw" ? "u" : "w");
  switch (t.kind) {
    case "file": {
      const inode = host.state.fs.inodes[t.ino];
      if (!inode) return { ...base, fd: n, mode: fdMode(t.mode), type: "REG", device: "254,1", sizeOff: "0", nlink: "0", node: String(t.ino), name: `${t.path} (deleted)` };
      return inodeRow(host, base, n, fdMode(t.mode), inode, t.path);
    }
    case "chr": {
      const found = fs.tryResolve(host.state, fs.ROOT, t.path);
      if (found) return inodeRow(host, base, n, fdMode(t.mode), found.inode, t.path);
      return { ...base, fd: n, mode: fdMode(t.mode), type: "CHR", device: "1,3", sizeOff: "0t0", nlink: "1", node: "4", name: t.path };
    }
    case "socket": {
      if (t.proto === "unix") return { ...base, fd: n, mode: "u", type: "unix", device: `0x${(0xffff8f0c00000000n + BigInt(t.inode) * 0x400n).toString(16).padStart(16, "0")}`, sizeOff: "0t0", nlink: "", node: String(t.inode), name: "type=STREAM (CONNECTED)" };
      const port = t.localPort ?? 0;
      const portName = numeric ? String(port) : (SERVICE_NAMES[port] ?? String(port));
      const name = t.remote
        ? `${t.localAddr ?? "*"}:${portName}->${t.remote.addr}:${t.remote.port} (ESTABLISHED)`
        : `*:${portName}${t.state === "LISTEN" ? " (LISTEN)" : ""}`;
      return { ...base, fd: n, mode: "u", type: "IPv4", device: String(t.inode), sizeOff: "0t0", nlink: "", node: t.proto, name, port };
    }
    case "pipe":
      return { ...base, fd: n, mode: "r", type: "FIFO", device: "0,13", sizeOff: "0t0", nlink: "1", node: String(t.inode), name: "pipe" };
  }
}

/** Every row lsof shows for a process: cwd, rtd, txt, then numbered fds. Others' processes show only permission errors. */
export function procRows(host: Host, proc: Proc, user: string, viewerUid: number, numericPorts: boolean): LsofRow[] {
  const base = { command: proc.comm.slice(0, 9), pid: proc.pid, user };
  if (proc.state === "Z") return [];
  if (viewerUid !== 0 && viewerUid !== proc.uid) {
    const denied = (fd: string, what: string, call: string): LsofRow => ({ ...base, fd, mode: "", type: "unknown", device: "", sizeOff: "", nlink: "", node: "", name: `/proc/${proc.pid}/${what} (${call}: Permission denied)` });
    return [denied("cwd", "cwd", "readlink"), denied("rtd", "root", "readlink"), denied("txt", "exe", "readlink"), { ...denied("NOFD", "fd", "opendir"), type: "" }];
  }
  const rows: LsofRow[] = [];
  const cwd = fs.tryResolve(host.state, fs.ROOT, proc.cwd);
  if (cwd) rows.push(inodeRow(host, base, "cwd", "", cwd.inode, proc.cwd));
  const root = fs.tryResolve(host.state, fs.ROOT, "/");
  if (root) rows.push(inodeRow(host, base, "rtd", "", root.inode, "/"));
  const exe = proc.exe ? fs.tryResolve(host.state, fs.ROOT, proc.exe) : null;
  if (exe) rows.push(inodeRow(host, base, "txt", "", exe.inode, exe.path));
  for (const n of Object.keys(proc.fds).sort((a, b) => Number(a) - Number(b))) {
    rows.push(fdRow(host, base, n, proc.fds[n] as FdTarget, numericPorts));
  }
  return rows;
}

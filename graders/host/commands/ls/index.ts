import { SysError } from "../../state/errors.ts";
import * as fs from "../../state/fs.ts";
import { basename, joinPath } from "../../state/paths.ts";
import { allocatedBytes, fileSize } from "../../state/usage.ts";
import { groupName, userName } from "../../state/users.ts";
import type { Inode } from "../../state/types.ts";
import type { Runtime } from "../../shell/runtime.ts";
import { fail, type HostCommand } from "../types.ts";
import { humanCeil, month, two } from "../format.ts";
import { DEVICE_NUMBERS, modeString } from "./mode.ts";
import { procEntry } from "../../shell/procfs.ts";
import { columns } from "./columns.ts";
import { hugeListing } from "./huge.ts";

/**
 * GNU ls (coreutils 9.1) over the host model: -l -a -A -d -h -i -n -r -t -S
 * -1. One name per line (the simulated terminal cannot tell ls whether it is
 * a tty). Exit status 2 for a missing operand or an unreadable directory,
 * with the same "cannot access" / "cannot open directory" wording.
 */

export interface Opts {
  long: boolean;
  all: boolean;
  almostAll: boolean;
  dirAsFile: boolean;
  human: boolean;
  inode: boolean;
  numeric: boolean;
  reverse: boolean;
  /** "none": -U/-f, directory order. */
  sort: "name" | "time" | "size" | "none";
  /** -1, or output not on a terminal: one name per line. */
  onePerLine: boolean;
}

interface Item {
  name: string;
  inode: Inode;
  /** st_size when it is not the content length (procfs reports 0, or 64 for fd links). */
  size?: number;
  /** procfs entries occupy no blocks. */
  virtual?: boolean;
}

const SIX_MONTHS_MS = (31556952 / 2) * 1000;

function parse(args: string[]): { opts: Opts; operands: string[] } | string {
  const opts: Opts = { long: false, all: false, almostAll: false, dirAsFile: false, human: false, inode: false, numeric: false, reverse: false, sort: "name", onePerLine: false };
  const operands: string[] = [];
  let onlyOperands = false;
  for (const a of args) {
    if (onlyOperands || a === "-" || !a.startsWith("-")) operands.push(a);
    else if (a === "--") onlyOperands = true;
    else if (a === "--all") opts.all = true;
    else if (a === "--almost-all") opts.almostAll = true;
    else if (a === "--human-readable") opts.human = true;
    else if (a === "--directory") opts.dirAsFile = true;
    else if (a === "--reverse") opts.reverse = true;
    else if (a === "--inode") opts.inode = true;
    else if (a === "--numeric-uid-gid") { opts.numeric = true; opts.long = true; }
    else if (a.startsWith("--color")) continue;
    else if (a.startsWith("--")) return `ls: unrecognized option '${a}'\nTry 'ls --help' for more information.\n`;
    else {
      for (const ch of a.slice(1)) {
        if (ch === "l") opts.long = true;
        else if (ch === "a") opts.all = true;
        else if (ch === "A") opts.almostAll = true;
        else if (ch === "d") opts.dirAsFile = true;
        else if (ch === "h") opts.human = true;
        else if (ch === "i") opts.inode = true;
        else if (ch === "n") { opts.numeric = true; opts.long = true; }
        else if (ch === "r") opts.reverse = true;
        else if (ch === "t") opts.sort = "time";
        else if (ch === "S") opts.sort = "size";
        else if (ch === "1") opts.onePerLine = true;
        else if (ch === "U") opts.sort = "none";
        // -f: -a -U, and no long format (coreutils 9.1).
        else if (ch === "f") { opts.all = true; opts.sort = "none"; opts.long = false; }
        else if (ch === "F" || ch === "p" || ch === "C") continue;
        else return `ls: invalid option -- '${ch}'\nTry 'ls --help' for more information.\n`;
      }
    }
  }
  return { opts, operands };
}

/** C.UTF-8 collation compares code points, which is plain string order here. */
function byName(a: Item, b: Item): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function sortItems(items: Item[], opts: Opts): Item[] {
  if (opts.sort === "none") return items;
  const sorted = [...items].sort((a, b) => {
    if (opts.sort === "time") return b.inode.mtimeMs - a.inode.mtimeMs || byName(a, b);
    if (opts.sort === "size") return fileSize(b.inode) - fileSize(a.inode) || byName(a, b);
    return byName(a, b);
  });
  return opts.reverse ? sorted.reverse() : sorted;
}

/** "%b %e %H:%M" for the last six months, "%b %e  %Y" otherwise, as ls's long format does. */
export function lsTime(ms: number, nowMs: number): string {
  const d = new Date(ms);
  const day = String(d.getUTCDate()).padStart(2, " ");
  const recent = ms <= nowMs && nowMs - ms < SIX_MONTHS_MS;
  return `${month(ms)} ${day} ${recent ? `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}` : ` ${d.getUTCFullYear()}`}`;
}

/** st_blocks in KiB; a directory's extraBlocks stand for files below it, which ls does not count here. */
function blocksKiB(rt: Runtime, inode: Inode): number {
  const blockSize = rt.host.state.fs.mounts[inode.dev]?.blockSize ?? 4096;
  const own = inode.kind === "dir" ? { ...inode, extraBlocks: 0 } : inode;
  return allocatedBytes(own, blockSize) / 1024;
}

function longListing(rt: Runtime, items: Item[], opts: Opts, withTotal: boolean): string {
  const s = rt.host.state;
  const rows = items.map((it) => {
    const dev = it.inode.kind === "chr" ? DEVICE_NUMBERS[it.inode.device] : undefined;
    const bytes = it.size ?? fileSize(it.inode);
    const size = dev ? `${dev[0]}, ${dev[1]}` : opts.human ? humanCeil(bytes) : String(bytes);
    // An unreadable /proc link (another user's cwd or exe) shows no target.
    const name = it.inode.kind === "symlink" && it.inode.target !== "" ? `${it.name} -> ${it.inode.target}` : it.name;
    return {
      ino: String(it.inode.ino),
      mode: modeString(it.inode),
      nlink: String(it.inode.nlink),
      owner: opts.numeric ? String(it.inode.uid) : userName(s, it.inode.uid),
      group: opts.numeric ? String(it.inode.gid) : groupName(s, it.inode.gid),
      size,
      time: lsTime(it.inode.mtimeMs, rt.host.now),
      name,
    };
  });
  const w = (k: "ino" | "nlink" | "owner" | "group" | "size"): number => Math.max(0, ...rows.map((r) => r[k].length));
  const [wi, wn, wo, wg, ws] = [w("ino"), w("nlink"), w("owner"), w("group"), w("size")];
  let out = "";
  if (withTotal) {
    const total = items.reduce((n, it) => n + (it.virtual ? 0 : blocksKiB(rt, it.inode)), 0);
    out += `total ${opts.human ? humanCeil(total * 1024) : total}\n`;
  }
  for (const r of rows) {
    const ino = opts.inode ? `${r.ino.padStart(wi)} ` : "";
    out += `${ino}${r.mode} ${r.nlink.padStart(wn)} ${r.owner.padEnd(wo)} ${r.group.padEnd(wg)} ${r.size.padStart(ws)} ${r.time} ${r.name}\n`;
  }
  return out;
}

function shortListing(items: Item[], opts: Opts, width: number | null): string {
  const wi = Math.max(0, ...items.map((it) => String(it.inode.ino).length));
  if (width !== null && !opts.onePerLine) return columns(items.map((it) => (opts.inode ? `${String(it.inode.ino).padStart(wi)} ` : "") + it.name), width);
  return items.map((it) => (opts.inode ? `${String(it.inode.ino).padStart(wi)} ` : "") + it.name + "\n").join("");
}

function render(rt: Runtime, items: Item[], opts: Opts, withTotal: boolean): string {
  // isatty(1): only an ls writing straight to the terminal lays names out in columns.
  const width = rt.terminalColumns && rt.ttyWriters?.has("ls") ? rt.terminalColumns : null;
  return opts.long ? longListing(rt, items, opts, withTotal) : shortListing(items, opts, width);
}

function dirItems(rt: Runtime, abs: string, opts: Opts): Item[] {
  if (isProc(abs)) {
    const node = procEntry(rt, abs);
    if (node.kind !== "dir") throw new SysError("ENOTDIR", abs);
    if (rt.cred.uid !== 0 && rt.cred.uid !== node.uid && !(node.mode & 0o004)) throw new SysError("EACCES", abs);
    const items = node.entries.map((name) => procItem(rt, `${abs}/${name}`, name));
    return sortItems(items.filter((it) => opts.all || opts.almostAll || !it.name.startsWith(".")), opts);
  }
  const entries = fs.readdir(rt.host.state, rt.cred, abs);
  const items: Item[] = entries
    .filter((e) => opts.all || opts.almostAll || !e.name.startsWith("."))
    .map((e) => ({ name: e.name, inode: e.inode }));
  if (opts.all) {
    const self = fs.resolve(rt.host.state, rt.cred, abs).inode;
    const parent = fs.resolve(rt.host.state, rt.cred, joinPath(abs, "..")).inode;
    // Unsorted (-f/-U), readdir(3) order: ext4 hands out "." and ".." first.
    if (opts.sort === "none") items.unshift({ name: ".", inode: self }, { name: "..", inode: parent });
    else items.push({ name: ".", inode: self }, { name: "..", inode: parent });
  }
  return sortItems(items, opts);
}

const isProc = (p: string): boolean => p === "/proc" || p.startsWith("/proc/");

/** A /proc entry as ls sees it: generated now, owned by the process, size 0 (fd links report 64). */
function procItem(rt: Runtime, abs: string, name: string): Item {
  const node = procEntry(rt, abs);
  const common = { ino: 0, dev: 0, mode: node.mode, uid: node.uid, gid: node.gid, mtimeMs: rt.host.now, nlink: 1 };
  if (node.kind === "symlink") return { name, inode: { ...common, kind: "symlink", target: node.target }, size: 64, virtual: true };
  if (node.kind === "dir") return { name, inode: { ...common, kind: "dir", entries: {} }, size: 0, virtual: true };
  return { name, inode: { ...common, kind: "file", text: "", genBytes: 0 }, size: 0, virtual: true };
}

export const ls: HostCommand = {
  name: "ls",
  async run(args, ctx, rt) {
    const parsed = parse(args);
    if (typeof parsed === "string") return fail(parsed, 2);
    const { opts, operands } = parsed;
    const targets = operands.length ? operands : ["."];
    let stderr = "";
    let exitCode = 0;
    const files: Item[] = [];
    const dirs: { label: string; abs: string }[] = [];
    for (const t of targets) {
      const abs = joinPath(ctx.cwd, t);
      try {
        // -l and -d describe a symlink itself; otherwise (or with a trailing slash) a link to a directory is listed.
        const follow = t.endsWith("/") || (!opts.long && !opts.dirAsFile);
        if (isProc(abs)) {
          // /proc/PID/fd of another user can be stat()ed but not opened: ls fails at opendir.
          if (/^\/proc\/\d+\/fd$/.test(abs) && !opts.dirAsFile && rt.host.state.procs[abs.split("/")[2] ?? ""]) {
            dirs.push({ label: t, abs });
            continue;
          }
          const it = procItem(rt, abs, t);
          if (it.inode.kind === "dir" && !opts.dirAsFile) dirs.push({ label: t, abs });
          else files.push(it);
          continue;
        }
        const lstat = fs.resolve(rt.host.state, rt.cred, abs, false).inode;
        const inode = lstat.kind === "symlink" && follow ? (fs.tryResolve(rt.host.state, rt.cred, abs)?.inode ?? lstat) : lstat;
        if (inode.kind === "dir" && !opts.dirAsFile) dirs.push({ label: t, abs });
        else files.push({ name: t, inode });
      } catch (e) {
        if (!(e instanceof SysError)) throw e;
        stderr += `ls: cannot access '${t}': ${e.text}\n`;
        exitCode = 2;
      }
    }
    let stdout = files.length ? render(rt, sortItems(files, opts), opts, false) : "";
    const headers = targets.length > 1 || files.length > 0;
    dirs.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    for (const d of dirs) {
      try {
        const huge = isProc(d.abs) ? null : hugeListing(rt, d.abs, opts);
        if (huge !== null) {
          if (headers) stdout += `${stdout ? "\n" : ""}${d.label}:\n`;
          stdout += huge;
          continue;
        }
        const items = dirItems(rt, d.abs, opts);
        if (headers) stdout += `${stdout ? "\n" : ""}${d.label}:\n`;
        stdout += render(rt, items, opts, true);
      } catch (e) {
        if (!(e instanceof SysError)) throw e;
        stderr += `ls: cannot open directory '${d.label}': ${e.text}\n`;
        exitCode = 2;
      }
    }
    return { stdout, stderr, exitCode };
  },
};

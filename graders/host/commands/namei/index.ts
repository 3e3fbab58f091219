import { SysError } from "../../state/errors.ts";
import * as fs from "../../state/fs.ts";
import { dirname, joinPath } from "../../state/paths.ts";
import type { Inode } from "../../state/types.ts";
import { groupName, userName } from "../../state/users.ts";
import { modeString } from "../ls/mode.ts";
import type { HostCommand } from "../types.ts";
import type { Runtime } from "../../shell/runtime.ts";

/**
 * namei (util-linux 2.38.1): follow a pathname component by component,
 * expanding every symlink one level deeper, and stop at the first component
 * that cannot be looked up. The layout follows print_namei() in namei.c.
 */

const TRY = "Try 'namei --help' for more information.\n";

const HELP = `
Usage:
 namei [options] <pathname>...

Follow a pathname until a terminal point is found.

Options:
 -x, --mountpoints   show mount point directories with a 'D'
 -m, --modes         show the mode bits of each file
 -o, --owners        show owner and group name of each file
 -l, --long          use a long listing format (-m -o -v) 
 -n, --nosymlinks    don't follow symlinks
 -v, --vertical      vertical align of modes and owners
 -h, --help          display this help
 -V, --version       display version

For more details see namei(1).
`;

interface Flags {
  modes: boolean;
  owners: boolean;
  vertical: boolean;
  noLinks: boolean;
  mountpoints: boolean;
}

interface Node {
  name: string;
  level: number;
  inode: Inode | null;
  /** errno text when the component could not be looked up (the walk ends there). */
  error?: string;
  mountpoint?: boolean;
}

/** lstat of each component of `path`, starting at `base` for a relative one; symlinks expand one level deeper. */
function walk(rt: Runtime, flags: Flags, path: string, base: string, level: number, out: Node[], depth = 0): string | null {
  const state = rt.host.state;
  let cur = path.startsWith("/") ? "/" : base;
  if (path.startsWith("/")) {
    const root = fs.resolve(state, rt.cred, "/").inode;
    out.push({ name: "/", level, inode: root, mountpoint: true });
  }
  for (const comp of path.split("/").filter(Boolean)) {
    const full = joinPath(cur, comp);
    let found: fs.Resolved;
    try {
      found = fs.resolve(state, rt.cred, full, false);
    } catch (e) {
      if (!(e instanceof SysError)) throw e;
      out.push({ name: comp, level, inode: null, error: e.text });
      return e.text;
    }
    const inode = found.inode;
    const canonical = found.path;
    out.push({ name: comp, level, inode, mountpoint: inode.kind === "dir" && state.fs.mounts.some((m) => m.target === canonical) });
    if (inode.kind === "symlink" && !flags.noLinks) {
      if (depth > 40) return "Too many levels of symbolic links";
      const err = walk(rt, flags, inode.target, dirname(canonical), level + 1, out, depth + 1);
      if (err !== null) return err;
      const target = fs.tryResolve(state, rt.cred, canonical);
      if (!target) return "No such file or directory";
      cur = target.path;
    } else cur = canonical;
  }
  return null;
}

function render(rt: Runtime, flags: Flags, nodes: Node[]): string {
  const state = rt.host.state;
  const uw = Math.max(0, ...nodes.filter((n) => n.inode).map((n) => userName(state, (n.inode as Inode).uid).length));
  const gw = Math.max(0, ...nodes.filter((n) => n.inode).map((n) => groupName(state, (n.inode as Inode).gid).length));
  let out = "";
  for (const n of nodes) {
    const indent = "  ".repeat(n.level);
    if (!n.inode) {
      let blanks = 1 + (flags.modes ? 9 : 0) + (flags.owners ? uw + gw + 2 : 0) + (flags.vertical ? 0 : 1) + n.level * 2;
      out += `${" ".repeat(blanks)} ${n.name} - ${n.error ?? ""}\n`;
      blanks = 0;
      break;
    }
    let md = modeString(n.inode);
    if (flags.mountpoints && n.mountpoint) md = `D${md.slice(1)}`;
    let line = flags.vertical ? "" : `${indent} `;
    line += flags.modes ? md : md[0];
    if (flags.owners) line += ` ${userName(state, n.inode.uid).padEnd(uw)} ${groupName(state, n.inode.gid).padEnd(gw)}`;
    if (flags.vertical) line += indent;
    line += n.inode.kind === "symlink" ? ` ${n.name} -> ${n.inode.target}` : ` ${n.name}`;
    out += `${line}\n`;
  }
  return out;
}

export const namei: HostCommand = {
  name: "namei",
  async run(args, ctx, rt) {
    const flags: Flags = { modes: false, owners: false, vertical: false, noLinks: false, mountpoints: false };
    const paths: string[] = [];
    const long: Record<string, string> = { "--mountpoints": "x", "--modes": "m", "--owners": "o", "--long": "l", "--nosymlinks": "n", "--vertical": "v", "--help": "h", "--version": "V" };
    let onlyPaths = false;
    for (const a of args) {
      if (onlyPaths || !a.startsWith("-") || a === "-") {
        paths.push(a);
        continue;
      }
      if (a === "--") {
        onlyPaths = true;
        continue;
      }
      const letters = a.startsWith("--") ? long[a] : a.slice(1);
      if (letters === undefined) return { stdout: "", stderr: `namei: unrecognized option '${a}'\n${TRY}`, exitCode: 1 };
      for (const c of letters) {
        if (c === "h") return { stdout: HELP, stderr: "", exitCode: 0 };
        if (c === "V") return { stdout: "namei from util-linux 2.38.1\n", stderr: "", exitCode: 0 };
        if (c === "x") flags.mountpoints = true;
        else if (c === "m") flags.modes = true;
        else if (c === "o") flags.owners = true;
        else if (c === "n") flags.noLinks = true;
        else if (c === "v") flags.vertical = true;
        else if (c === "l") flags.modes = flags.owners = flags.vertical = true;
        else return { stdout: "", stderr: `namei: invalid option -- '${c}'\n${TRY}`, exitCode: 1 };
      }
    }
    if (paths.length === 0) return { stdout: "", stderr: `namei: pathname argument is missing\n${TRY}`, exitCode: 1 };
    let stdout = "";
    let exitCode = 0;
    for (const p of paths) {
      const nodes: Node[] = [];
      const err = walk(rt, flags, p, ctx.cwd, 0, nodes);
      stdout += `f: ${p}\n${render(rt, flags, nodes)}`;
      if (err !== null) exitCode = 1;
    }
    return { stdout, stderr: "", exitCode };
  },
};

import type { ExecResult } from "just-bash";
import { BulkRemovals } from "../../state/bulk.ts";
import { SysError } from "../../state/errors.ts";
import * as fs from "../../state/fs.ts";
import { joinPath } from "../../state/paths.ts";
import type { BulkRange, DirInode } from "../../state/types.ts";
import type { Runtime } from "../../shell/runtime.ts";

/**
 * `rm FILE...` for the million paths that `find ... | xargs rm` or
 * `find ... -exec rm {} +` hand over: what coreutils rm does to each (unlink,
 * the same errors worded the same way), but with each directory resolved once
 * and counted entries removed by index in one pass, so the whole job takes
 * about as long as reading the list. Only plain files are handled here;
 * anything else (directories, -i) goes through the ordinary rm.
 */

export interface RmFlags {
  force: boolean;
  verbose: boolean;
}

/** rm's argv when it is one this fast path can run: flags only (-f, -v, -r, -R combined), the operands come from elsewhere. */
export function fastRmFlags(argv: readonly string[]): RmFlags | null {
  const cmd = argv[0];
  if (cmd !== "rm" && cmd !== "/bin/rm" && cmd !== "/usr/bin/rm") return null;
  const flags: RmFlags = { force: false, verbose: false };
  for (const a of argv.slice(1)) {
    if (a === "--") continue;
    if (a === "--force") flags.force = true;
    else if (a === "--verbose") flags.verbose = true;
    else if (a === "--recursive") continue;
    else if (/^-[fvrR]+$/.test(a)) {
      if (a.includes("f")) flags.force = true;
      if (a.includes("v")) flags.verbose = true;
    } else return null;
  }
  return flags;
}

interface DirInfo {
  dir: DirInode;
  /** Why nothing in it can be unlinked by this user, or null. */
  denied: string | null;
}

/** No ".", ".." or doubled slashes: the path needs no normalising. */
function clean(path: string): boolean {
  return !path.includes("//") && !path.includes("/.") && !path.startsWith(".") && !path.endsWith("/");
}

/** Which counted entry `name` is, without a regular expression per name. */
function bulkIndex(dir: DirInode, name: string): { range: BulkRange; index: number } | null {
  for (const range of dir.bulk ?? []) {
    if (!name.startsWith(range.prefix)) continue;
    const digits = name.slice(range.prefix.length);
    if (digits === "" || digits.length > 15 || (digits.length > 1 && digits[0] === "0")) continue;
    let n = 0;
    let ok = true;
    for (let k = 0; k < digits.length; k++) {
      const c = digits.charCodeAt(k) - 48;
      if (c < 0 || c > 9) {
        ok = false;
        break;
      }
      n = n * 10 + c;
    }
    if (ok && n >= range.start && n < range.end) return { range, index: n };
  }
  return null;
}

/**
 * Remove `paths` (as rm's operands, relative to cwd) as the runtime's user.
 * Returns rm's output and status; null when some operand needs the ordinary
 * rm (a directory, or "." and ".."), so the caller can fall back before
 * anything was removed.
 */
export function fastRm(rt: Runtime, cwd: string, paths: readonly string[], flags: RmFlags): ExecResult | null {
  const state = rt.host.state;
  const dirs = new Map<string, DirInfo | SysError>();
  const removals = new BulkRemovals();
  const plain: { abs: string; shown: string }[] = [];
  const out: string[] = [];
  const errors: string[] = [];
  const changed = new Set<DirInode>();
  // A million operands usually share one directory: remember the last one by its spelling.
  let lastDir = "";
  let lastInfo: DirInfo | SysError | undefined;
  for (const shown of paths) {
    // The directory is looked up by its spelling in the operand; only a miss resolves it.
    const rel = shown.startsWith("./") ? shown.slice(2) : shown;
    const plainPath = clean(rel);
    const spelled = plainPath ? rel : joinPath(cwd, shown);
    const cut = spelled.lastIndexOf("/");
    const name = spelled.slice(cut + 1);
    if (name === "" || shown.endsWith("/.") || shown.endsWith("/..") || shown === "." || shown === "..") return null;
    const dirKey = cut < 0 ? "." : cut === 0 ? "/" : spelled.slice(0, cut);
    let info = dirKey === lastDir ? lastInfo : dirs.get(dirKey);
    if (info === undefined) {
      const dirPath = joinPath(cwd, dirKey);
      try {
        const { inode } = fs.resolve(state, rt.cred, dirPath);
        if (inode.kind !== "dir") throw new SysError("ENOTDIR", dirPath);
        info = { dir: inode, denied: fs.permits(inode, rt.cred, 3) ? null : "Permission denied" };
      } catch (e) {
        if (!(e instanceof SysError)) throw e;
        info = e;
      }
      dirs.set(dirKey, info);
    }
    lastDir = dirKey;
    lastInfo = info;
    if (info instanceof SysError) {
      if (!(flags.force && info.code === "ENOENT")) errors.push(`rm: cannot remove '${shown}': ${info.text}\n`);
      continue;
    }
    // A name is either counted or a real entry (creating one checks both), so try the cheap test first.
    const hit = bulkIndex(info.dir, name);
    const ino = hit ? undefined : info.dir.entries[name];
    if (ino !== undefined) {
      const inode = state.fs.inodes[ino];
      if (inode?.kind === "dir") return null;
      plain.push({ abs: joinPath(cwd, shown), shown });
      continue;
    }
    if (!hit) {
      if (!flags.force) errors.push(`rm: cannot remove '${shown}': No such file or directory\n`);
      continue;
    }
    if (info.denied !== null) {
      errors.push(`rm: cannot remove '${shown}': ${info.denied}\n`);
      continue;
    }
    removals.add(info.dir, hit.range, hit.index);
    changed.add(info.dir);
    if (flags.verbose) out.push(`removed '${shown}'\n`);
  }
  removals.apply();
  for (const dir of changed) dir.mtimeMs = rt.host.now;
  for (const { abs, shown } of plain) {
    try {
      fs.unlink(state, rt.cred, abs);
      if (flags.verbose) out.push(`removed '${shown}'\n`);
    } catch (e) {
      if (!(e instanceof SysError)) throw e;
      if (!(flags.force && e.code === "ENOENT")) errors.push(`rm: cannot remove '${shown}': ${e.text}\n`);
    }
  }
  return { stdout: out.join(""), stderr: errors.join(""), exitCode: errors.length ? 1 : 0 };
}

import { SysError } from "../../state/errors.ts";
import * as fs from "../../state/fs.ts";
import { joinPath } from "../../state/paths.ts";
import type { HostCommand } from "../types.ts";

/**
 * coreutils chmod: octal modes and symbolic ones (`u+x`, `go-w`, `a=r`,
 * `g=u`, `+X`, comma lists), -R, with GNU's wording for the failures people
 * actually meet: "changing permissions of 'f': Operation not permitted" when
 * not the owner, "cannot access" for a missing path or an unsearchable
 * directory, "invalid mode".
 */

const UMASK = 0o022;

/** The new mode for one file, or null when the spec is not a mode chmod accepts. */
export function applyMode(spec: string, current: number, isDir: boolean): number | null {
  if (/^[0-7]{1,4}$/.test(spec)) {
    const n = parseInt(spec, 8);
    // GNU keeps a directory's setuid/setgid bits unless the octal mode names them (5+ digits not modelled).
    return isDir && spec.length < 4 ? n | (current & 0o6000) : n;
  }
  let mode = current & 0o7777;
  for (const clause of spec.split(",")) {
    const m = /^([ugoa]*)((?:[-+=](?:[ugo]|[rwxXst]*))+)$/.exec(clause);
    if (!m) return null;
    const who = m[1] ?? "";
    let whoMask = 0;
    if (who === "") whoMask = 0o7777;
    for (const c of who) whoMask |= c === "u" ? 0o4700 : c === "g" ? 0o2070 : c === "o" ? 0o1007 : 0o7777;
    const ops = /([-+=])([ugo]|[rwxXst]*)/g;
    let op: RegExpExecArray | null;
    while ((op = ops.exec(m[2] ?? "")) !== null) {
      const sign = op[1];
      const perms = op[2] ?? "";
      let bits = 0;
      if (perms === "u" || perms === "g" || perms === "o") {
        const shift = perms === "u" ? 6 : perms === "g" ? 3 : 0;
        const rwx = (mode >> shift) & 7;
        bits = (rwx << 6) | (rwx << 3) | rwx;
      } else {
        for (const p of perms) {
          if (p === "r") bits |= 0o444;
          else if (p === "w") bits |= 0o222;
          else if (p === "x") bits |= 0o111;
          else if (p === "X" && (isDir || (mode & 0o111) !== 0)) bits |= 0o111;
          else if (p === "s") bits |= 0o6000;
          else if (p === "t") bits |= 0o1000;
        }
      }
      // Without u/g/o/a the umask's bits are left alone, as GNU does.
      const affected = who === "" ? whoMask & ~UMASK : whoMask;
      bits &= affected;
      if (sign === "+") mode |= bits;
      else if (sign === "-") mode &= ~bits;
      else mode = (mode & ~affected) | bits;
    }
  }
  return mode;
}

export const chmod: HostCommand = {
  name: "chmod",
  async run(args, ctx, rt) {
    let recursive = false;
    let quiet = false;
    const rest: string[] = [];
    for (const a of args) {
      if (a === "-R" || a === "--recursive") recursive = true;
      else if (a === "-f" || a === "--silent" || a === "--quiet") quiet = true;
      else if (a === "-v" || a === "-c" || a === "--verbose" || a === "--changes") continue;
      else rest.push(a);
    }
    const [spec, ...files] = rest;
    if (spec === undefined) return { stdout: "", stderr: "chmod: missing operand\nTry 'chmod --help' for more information.\n", exitCode: 1 };
    if (files.length === 0) return { stdout: "", stderr: `chmod: missing operand after '${spec}'\nTry 'chmod --help' for more information.\n`, exitCode: 1 };
    if (applyMode(spec, 0, false) === null) return { stdout: "", stderr: `chmod: invalid mode: '${spec}'\nTry 'chmod --help' for more information.\n`, exitCode: 1 };
    const s = rt.host.state;
    let stderr = "";
    let failed = false;
    const visit = (abs: string, shown: string): void => {
      try {
        const { inode } = fs.resolve(s, rt.cred, abs);
        const next = applyMode(spec, inode.mode, inode.kind === "dir") ?? inode.mode;
        try {
          fs.chmod(s, rt.cred, abs, next);
        } catch (e) {
          if (!(e instanceof SysError)) throw e;
          failed = true;
          if (!quiet) stderr += `chmod: changing permissions of '${shown}': ${e.text}\n`;
          return;
        }
        if (!recursive || inode.kind !== "dir") return;
        for (const entry of fs.readdir(s, rt.cred, abs)) visit(`${abs}/${entry.name}`, `${shown.replace(/\/$/, "")}/${entry.name}`);
      } catch (e) {
        if (!(e instanceof SysError)) throw e;
        failed = true;
        if (!quiet) stderr += `chmod: cannot access '${shown}': ${e.text}\n`;
      }
    };
    for (const f of files) visit(joinPath(ctx.cwd, f), f);
    return { stdout: "", stderr, exitCode: failed ? 1 : 0 };
  },
};

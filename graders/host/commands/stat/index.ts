import { SysError } from "../../state/errors.ts";
import * as fs from "../../state/fs.ts";
import { joinPath } from "../../state/paths.ts";
import { hash32 } from "../../state/rng.ts";
import { allocatedBytes, fileSize } from "../../state/usage.ts";
import { groupName, userName } from "../../state/users.ts";
import type { Inode } from "../../state/types.ts";
import type { Runtime } from "../../shell/runtime.ts";
import { deviceOf } from "../devnum.ts";
import { DEVICE_NUMBERS, modeString } from "../ls/mode.ts";
import { strftime } from "../date/strftime.ts";
import type { HostCommand } from "../types.ts";

/**
 * coreutils 9.1 stat, default format and -c with the common directives.
 * atime and ctime are not tracked separately: relatime makes them the mtime
 * for files nobody read since, and the model's writes set all three.
 */

function fileType(inode: Inode): string {
  if (inode.kind === "dir") return "directory";
  if (inode.kind === "symlink") return "symbolic link";
  if (inode.kind === "chr") return "character special file";
  return fileSize(inode) === 0 ? "regular empty file" : "regular file";
}

/** Nanoseconds look like a real filesystem's, fixed per inode so two stats agree. */
function stamp(inode: Inode): string {
  const ns = hash32(inode.ino, inode.mtimeMs) % 1_000_000_000;
  return strftime("%Y-%m-%d %H:%M:%S.%N +0000", inode.mtimeMs, ns);
}

function render(rt: Runtime, name: string, inode: Inode, format: string | null): string {
  const s = rt.host.state;
  const blockSize = s.fs.mounts[inode.dev]?.blockSize ?? 4096;
  const own = inode.kind === "dir" ? { ...inode, extraBlocks: 0 } : inode;
  const blocks = allocatedBytes(own, blockSize) / 512;
  const octal = (inode.mode & 0o7777).toString(8).padStart(4, "0");
  const display = inode.kind === "symlink" ? `${name} -> ${inode.target}` : name;
  if (format !== null) {
    const map: Record<string, string> = {
      n: name, N: inode.kind === "symlink" ? `'${name}' -> '${inode.target}'` : `'${name}'`, s: String(fileSize(inode)), b: String(blocks),
      a: (inode.mode & 0o7777).toString(8), A: modeString(inode), U: userName(s, inode.uid), u: String(inode.uid),
      G: groupName(s, inode.gid), g: String(inode.gid), i: String(inode.ino), h: String(inode.nlink), F: fileType(inode),
      y: stamp(inode), Y: String(Math.floor(inode.mtimeMs / 1000)), x: stamp(inode), X: String(Math.floor(inode.mtimeMs / 1000)),
      o: String(blockSize), "%": "%",
    };
    return format.replace(/%([a-zA-Z%])/g, (w, ch: string) => map[ch] ?? w).replace(/\\n/g, "\n").replace(/\\t/g, "\t") + "\n";
  }
  const dev = inode.kind === "chr" ? DEVICE_NUMBERS[inode.device] : undefined;
  const lines = [
    `  File: ${display}`,
    `  Size: ${String(fileSize(inode)).padEnd(10)}\tBlocks: ${String(blocks).padEnd(10)} IO Block: ${String(blockSize).padEnd(6)} ${fileType(inode)}`,
    `Device: ${deviceOf(rt.host, inode.dev)}\tInode: ${String(inode.ino).padEnd(11)} Links: ${String(inode.nlink)}${dev ? `     Device type: ${dev[0]},${dev[1]}` : ""}`,
    `Access: (${octal}/${modeString(inode)})  Uid: (${String(inode.uid).padStart(5)}/${userName(s, inode.uid).padStart(8)})   Gid: (${String(inode.gid).padStart(5)}/${groupName(s, inode.gid).padStart(8)})`,
    `Access: ${stamp(inode)}`,
    `Modify: ${stamp(inode)}`,
    `Change: ${stamp(inode)}`,
    ` Birth: ${stamp(inode)}`,
  ];
  return lines.join("\n") + "\n";
}

export const stat: HostCommand = {
  name: "stat",
  async run(args, ctx, rt) {
    let format: string | null = null;
    let follow = false;
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (a === "-c" || a === "--format" || a === "--printf") format = args[++i] ?? "";
      else if (a.startsWith("--format=") || a.startsWith("--printf=")) format = a.slice(a.indexOf("=") + 1);
      else if (a.startsWith("-c") && a.length > 2) format = a.slice(2);
      else if (a === "-L" || a === "--dereference") follow = true;
      else if (a.startsWith("-") && a !== "-") return { stdout: "", stderr: `stat: invalid option -- '${a.slice(1, 2)}'\nTry 'stat --help' for more information.\n`, exitCode: 1 };
      else files.push(a);
    }
    if (files.length === 0) return { stdout: "", stderr: "stat: missing operand\nTry 'stat --help' for more information.\n", exitCode: 1 };
    let stdout = "";
    let stderr = "";
    for (const f of files) {
      try {
        const { inode } = fs.resolve(rt.host.state, rt.cred, joinPath(ctx.cwd, f), follow);
        stdout += render(rt, f, inode, format);
      } catch (e) {
        if (!(e instanceof SysError)) throw e;
        stderr += `stat: cannot statx '${f}': ${e.text}\n`;
      }
    }
    return { stdout, stderr, exitCode: stderr ? 1 : 0 };
  },
};

import { createHash } from "node:crypto";
import type { Inode } from "../../state/types.ts";
import { fileSize } from "../../state/usage.ts";
import { readFileRange } from "../../state/fs.ts";

/**
 * What file 5.44 says about an inode. Binaries are not stored (their bytes
 * are counted, not kept), so an executable with no literal content is
 * described as the ELF it stands for: Debian's PIE builds in /usr, static Go
 * builds for the services dropped into /usr/local/bin.
 */

const CHR: Record<string, string> = { null: "1/3", zero: "1/5", urandom: "1/9", tty: "5/0" };

/** A stable 40-hex-digit id per path, as a linker's sha1 build id looks. */
function buildId(path: string): string {
  return createHash("sha1").update(path).digest("hex");
}

function elf(path: string, mode: number): string {
  const setid = (mode & 0o4000 ? "setuid " : "") + (mode & 0o2000 ? "setgid " : "");
  if (path.startsWith("/usr/local/") || path.startsWith("/opt/")) {
    return `${setid}ELF 64-bit LSB executable, x86-64, version 1 (SYSV), statically linked, Go BuildID=${buildId(path).slice(0, 20)}/${buildId(`${path}#`).slice(0, 20)}, stripped`;
  }
  return `${setid}ELF 64-bit LSB pie executable, x86-64, version 1 (SYSV), dynamically linked, interpreter /lib64/ld-linux-x86-64.so.2, BuildID[sha1]=${buildId(path)}, for GNU/Linux 3.2.0, stripped`;
}

function script(first: string): string | null {
  const m = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(first);
  if (!m) return null;
  const interp = (m[1] === "/usr/bin/env" ? m[2] ?? "" : m[1] ?? "").split("/").pop() ?? "";
  if (interp === "bash") return "Bourne-Again shell script";
  if (interp === "sh" || interp === "dash") return "POSIX shell script";
  if (interp.startsWith("python")) return "Python script";
  if (interp === "perl") return "Perl script";
  return `a ${m[1]}${m[2] ? ` ${m[2]}` : ""} script`;
}

/** Describes text the way file's ASCII/UTF-8 magic does, with its line-terminator notes. */
function text(content: string, mode: number): string {
  const isAscii = !/[\x80-\xff]/.test(content);
  if (!isAscii) {
    // Content is kept as latin1 bytes: valid UTF-8 is "Unicode text".
    const valid = Buffer.from(Buffer.from(content, "latin1").toString("utf8"), "utf8").equals(Buffer.from(content, "latin1"));
    if (!valid) return "data";
  }
  const first = content.slice(0, content.indexOf("\n") >= 0 ? content.indexOf("\n") : content.length);
  const trimmed = content.trimStart();
  if (/^-----BEGIN CERTIFICATE-----/.test(trimmed)) return "PEM certificate";
  if (/^[[{]/.test(trimmed)) {
    try {
      JSON.parse(content);
      return "JSON text data";
    } catch {
      // not JSON: plain text below
    }
  }
  const kind = script(first);
  const base = isAscii ? "ASCII text" : "Unicode text, UTF-8 text";
  const notes: string[] = [];
  const longest = Math.max(...content.split("\n").map((l) => l.length));
  if (longest > 300) notes.push(`with very long lines (${longest})`);
  if (content.includes("\r\n")) notes.push("with CRLF line terminators");
  else if (!content.includes("\n")) notes.push("with no line terminators");
  const described = kind ? `${kind}, ${base} executable` : base;
  return [described, ...notes].join(", ");
}

export function describe(inode: Inode, path: string, readable: boolean): string {
  if (inode.kind === "dir") return `${inode.mode & 0o4000 ? "setuid, " : ""}${inode.mode & 0o2000 ? "setgid, " : ""}${inode.mode & 0o1000 ? "sticky, " : ""}directory`;
  if (inode.kind === "chr") return `character special (${CHR[inode.device] ?? "1/3"})`;
  if (inode.kind === "symlink") return `symbolic link to ${inode.target}`;
  if (!readable) return "regular file, no read permission";
  const size = fileSize(inode);
  if (size === 0) return "empty";
  if (inode.text === "" && !inode.gen) return (inode.mode & 0o111) !== 0 ? elf(path, inode.mode) : "data";
  return text(readFileRange(inode, 0, Math.min(size, 65_536)), inode.mode);
}

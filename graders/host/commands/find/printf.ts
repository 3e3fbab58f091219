import { modeString } from "../ls/mode.ts";
import { month, two, weekday } from "../format.ts";
import { fileSize, allocatedBytes } from "../../state/usage.ts";
import { groupName, userName } from "../../state/users.ts";
import type { HostState, Inode } from "../../state/types.ts";

/**
 * GNU find's -printf directives that scripts use: %p %f %h %P %s %k %b %m %M
 * %u %g %U %G %i %n %y %d %t %T@ %Tk (strftime letters), %A/%C the same
 * times (the model keeps one), %%, and the escapes \n \t \0 \\.
 */

export interface PrintfEntry {
  path: string;
  name: string;
  depth: number;
  /** The starting point the path was built from, for %P. */
  start: string;
  inode: Inode;
}

const TYPE: Record<Inode["kind"], string> = { file: "f", dir: "d", symlink: "l", chr: "c" };

function timeField(ms: number, k: string): string {
  const d = new Date(ms);
  switch (k) {
    case "@": return `${Math.floor(ms / 1000)}.${String(ms % 1000).padStart(3, "0")}0000000`;
    case "Y": return String(d.getUTCFullYear());
    case "m": return two(d.getUTCMonth() + 1);
    case "d": return two(d.getUTCDate());
    case "H": return two(d.getUTCHours());
    case "M": return two(d.getUTCMinutes());
    case "S": return `${two(d.getUTCSeconds())}.${String(ms % 1000).padStart(3, "0")}0000000`;
    case "F": return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
    case "T": return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${String(ms % 1000).padStart(3, "0")}0000000`;
    case "+": return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}+${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${String(ms % 1000).padStart(3, "0")}0000000`;
    case "s": return String(Math.floor(ms / 1000));
    case "b": return month(ms);
    case "a": return weekday(ms);
    default: return "";
  }
}

/** ctime(3)-like %t with find's nanoseconds: "Sat Nov 28 18:53:44.0000000000 2026". */
function ctimeField(ms: number): string {
  const d = new Date(ms);
  return `${weekday(ms)} ${month(ms)} ${String(d.getUTCDate()).padStart(2)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${String(ms % 1000).padStart(3, "0")}0000000 ${d.getUTCFullYear()}`;
}

export function formatPrintf(state: HostState, format: string, e: PrintfEntry): string {
  let out = "";
  for (let i = 0; i < format.length; i++) {
    const c = format[i] as string;
    if (c === "\\" && i + 1 < format.length) {
      const n = format[++i] as string;
      out += n === "n" ? "\n" : n === "t" ? "\t" : n === "0" ? "\0" : n === "\\" ? "\\" : `\\${n}`;
      continue;
    }
    if (c !== "%" || i + 1 >= format.length) {
      out += c;
      continue;
    }
    const d = format[++i] as string;
    const blockSize = state.fs.mounts[e.inode.dev]?.blockSize ?? 4096;
    switch (d) {
      case "%": out += "%"; break;
      case "p": out += e.path; break;
      case "f": out += e.name; break;
      case "h": { const at = e.path.lastIndexOf("/"); out += at < 0 ? "." : at === 0 ? "/" : e.path.slice(0, at); break; }
      case "P": out += e.path === e.start ? "" : e.path.slice(e.start.length).replace(/^\//, ""); break;
      case "s": out += String(fileSize(e.inode)); break;
      case "k": out += String(Math.ceil(allocatedBytes(e.inode, blockSize) / 1024)); break;
      case "b": out += String(Math.ceil(allocatedBytes(e.inode, blockSize) / 512)); break;
      case "m": out += (e.inode.mode & 0o7777).toString(8); break;
      case "M": out += modeString(e.inode); break;
      case "u": out += userName(state, e.inode.uid); break;
      case "g": out += groupName(state, e.inode.gid); break;
      case "U": out += String(e.inode.uid); break;
      case "G": out += String(e.inode.gid); break;
      case "i": out += String(e.inode.ino); break;
      case "n": out += String(e.inode.nlink); break;
      case "y": out += TYPE[e.inode.kind]; break;
      case "d": out += String(e.depth); break;
      case "t": case "a": case "c": out += ctimeField(e.inode.mtimeMs); break;
      case "T": case "A": case "C": out += timeField(e.inode.mtimeMs, format[++i] ?? ""); break;
      default: out += `%${d}`;
    }
  }
  return out;
}

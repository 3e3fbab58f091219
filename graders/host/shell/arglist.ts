import { parse } from "just-bash";
import { bulkCount } from "../state/bulk.ts";
import * as fs from "../state/fs.ts";
import type { DirInode, Inode } from "../state/types.ts";
import { globToRegExp } from "../commands/find/expr.ts";
import type { Runtime } from "./runtime.ts";

/**
 * Globs over huge directories. bash expands `rm /var/lib/app/sessions/*`
 * itself, then execve(2) refuses an argument list over ARG_MAX (2 MiB on
 * Linux: a quarter of the 8 MiB stack) with E2BIG, and bash reports
 * `-bash: /usr/bin/rm: Argument list too long`, status 126. just-bash would
 * instead list a million names, sort them and hit its own limit half a minute
 * later. So the filesystem adapter asks here first: the glob words of the
 * line that point into the directory are matched against its entries by
 * counting, and either only the matches are handed back (a glob that names a
 * few files works as usual) or the command is marked as refused.
 */

export const ARG_MAX = 2_097_152;
/** Below this many counted entries the adapter lists a directory as usual. */
const HUGE = 5_000;
/** Builtins never exec, so no E2BIG for them. */
const BUILTINS = new Set(["echo", "printf", "test", "[", "true", "false", ":", "export", "local", "declare", "read", "cd", "pushd", "set", "unset", "alias", "type", "eval"]);

export interface GlobWord {
  /** The command the word is an argument of (argv[0] as typed). */
  command: string;
  /** The word as typed, quotes removed. */
  text: string;
  /** Directory part (up to the last "/"), "" for the current directory. */
  dir: string;
  /** fnmatch pattern of the last component, literal parts escaped. */
  base: string;
}

interface PartLike {
  type?: string;
  value?: unknown;
  pattern?: unknown;
  parts?: PartLike[];
}

function partPattern(part: PartLike, inQuotes: boolean): { text: string; pattern: string; glob: boolean } {
  if (part.type === "Glob" && !inQuotes && typeof part.pattern === "string") return { text: part.pattern, pattern: part.pattern, glob: true };
  if (typeof part.value === "string") return { text: part.value, pattern: part.value.replace(/[*?[\]\\]/g, "\\$&"), glob: false };
  let text = "";
  let pattern = "";
  let glob = false;
  for (const p of part.parts ?? []) {
    const r = partPattern(p, inQuotes || part.type === "DoubleQuoted");
    text += r.text;
    pattern += r.pattern;
    glob ||= r.glob;
  }
  return { text, pattern, glob };
}

/** The words of simple commands on the line that bash will glob-expand. */
export function globWords(line: string): GlobWord[] {
  let ast: { statements?: { pipelines?: { commands?: { type?: string; name?: { parts?: PartLike[] } | null; args?: { parts?: PartLike[] }[] }[] }[] }[] };
  try {
    ast = parse(line) as unknown as typeof ast;
  } catch {
    return [];
  }
  const out: GlobWord[] = [];
  for (const st of ast.statements ?? []) {
    for (const pl of st.pipelines ?? []) {
      for (const c of pl.commands ?? []) {
        if (c.type !== "SimpleCommand" || !c.name) continue;
        const command = partPattern({ parts: c.name.parts ?? [] }, false).text;
        for (const arg of c.args ?? []) {
          const w = partPattern({ parts: arg.parts ?? [] }, false);
          if (!w.glob) continue;
          const cut = w.pattern.lastIndexOf("/");
          // The directory part of a pattern must be literal here; globs in directories are rare enough to list normally.
          const dir = cut < 0 ? "" : w.pattern.slice(0, cut) || "/";
          if (/(^|[^\\])[*?[]/.test(dir)) continue;
          out.push({ command, text: w.text, dir: dir.replace(/\\(.)/g, "$1"), base: w.pattern.slice(cut + 1) });
        }
      }
    }
  }
  return out;
}

export interface GlobDirent {
  name: string;
  inode: Inode;
}

/** Does the word's directory part name `abs`? Relative ones are matched by their tail, as the adapter never sees the shell's cwd. */
function pointsAt(word: GlobWord, abs: string): boolean {
  const dir = word.dir.replace(/\/+$/, "") || "/";
  if (word.dir.startsWith("/")) return dir === abs;
  if (word.dir === "") return true;
  return abs.endsWith(`/${dir.replace(/^\.\//, "")}`);
}

/**
 * The entries glob expansion should see in the huge directory `abs`, or null
 * when it is not huge (list it as usual). Marks rt.argListTooLong when the
 * expansion would not fit in one execve.
 */
export function hugeGlobEntries(rt: Runtime, abs: string, dir: DirInode, real: GlobDirent[]): GlobDirent[] | null {
  if (bulkCount(dir) < HUGE) return null;
  const words = (rt.globWords ?? []).filter((w) => pointsAt(w, abs));
  const out: GlobDirent[] = [];
  for (const word of words) {
    const re = globToRegExp(word.base);
    const prefix = word.dir === "" ? "" : word.dir.endsWith("/") ? word.dir : `${word.dir}/`;
    // Each argument costs its bytes, its NUL and its pointer in argv[].
    const cost = (name: string): number => prefix.length + name.length + 1 + 8;
    let bytes = 0;
    const matches: GlobDirent[] = [];
    const hidden = (name: string): boolean => name.startsWith(".") && !word.base.startsWith(".");
    for (const e of real) {
      if (hidden(e.name) || !re.test(e.name)) continue;
      matches.push(e);
      bytes += cost(e.name);
    }
    for (const range of dir.bulk ?? []) {
      if (range.prefix.startsWith(".") && !word.base.startsWith(".")) continue;
      for (let i = range.start; i < range.end && bytes <= ARG_MAX; i++) {
        const name = `${range.prefix}${i}`;
        if (!re.test(name)) continue;
        bytes += cost(name);
        matches.push({ name, inode: fs.bulkInode(dir, range, i) });
      }
    }
    if (bytes > ARG_MAX && !BUILTINS.has(word.command)) {
      rt.argListTooLong = { command: word.command, word: word.text };
      return [];
    }
    out.push(...matches);
  }
  return out;
}

/**
 * After the line ran: the refused command got its pattern literally and
 * complained about it; replace that with what bash prints when execve fails.
 */
export function argListTooLongResult(rt: Runtime, stderr: string, exitCode: number): { stderr: string; exitCode: number } | null {
  const refused = rt.argListTooLong;
  if (!refused) return null;
  const path = commandPath(rt, refused.command);
  const message = `-bash: ${path}: Argument list too long\n`;
  const lines = stderr.split(/(?<=\n)/);
  const at = lines.findIndex((l) => l.includes(refused.word));
  if (at >= 0) lines.splice(at, 1, message);
  else lines.unshift(message);
  return { stderr: lines.join(""), exitCode: exitCode === 0 ? 0 : 126 };
}

/** bash reports the path it found on $PATH. */
function commandPath(rt: Runtime, command: string): string {
  if (command.includes("/")) return command;
  for (const dir of ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"]) {
    const found = fs.tryResolve(rt.host.state, fs.ROOT, `${dir}/${command}`, false);
    if (found && found.inode.kind !== "dir") return `${dir}/${command}`;
  }
  return `/usr/bin/${command}`;
}

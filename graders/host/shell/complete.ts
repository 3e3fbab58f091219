import * as fs from "../state/fs.ts";
import type { Host } from "../state/host.ts";
import { joinPath } from "../state/paths.ts";
import type { Cred } from "../state/fs.ts";

/**
 * Tab completion as bash-completion does it for what the round needs:
 * command names in the command position (after sudo too), unit names after
 * `systemctl VERB` and `journalctl -u`, paths everywhere else (directories
 * get a trailing slash, dotfiles only when the prefix starts with a dot).
 */

export interface Completion {
  /** Offset in the line where the word being completed starts. */
  from: number;
  /** Full replacement words, sorted. */
  candidates: string[];
}

const SHELL_BUILTINS = ["cd", "echo", "exit", "export", "history", "logout", "printf", "pwd", "set", "source", "test", "type", "unset"];
const SYSTEMCTL_VERBS = ["cat", "daemon-reload", "disable", "enable", "is-active", "is-enabled", "is-failed", "list-units", "restart", "show", "start", "status", "stop", "try-restart"];

function commandNames(host: Host, cred: Cred, path: string): string[] {
  const names = new Set(SHELL_BUILTINS);
  for (const dir of path.split(":")) {
    try {
      for (const e of fs.readdir(host.state, cred, dir)) {
        const inode = e.inode.kind === "symlink" ? fs.tryResolve(host.state, cred, `${dir}/${e.name}`)?.inode : e.inode;
        if (inode && inode.kind === "file" && inode.mode & 0o111) names.add(e.name);
      }
    } catch {
      // Unreadable or missing PATH entries complete nothing, as in bash.
    }
  }
  return [...names];
}

function pathCandidates(host: Host, cred: Cred, cwd: string, word: string): string[] {
  const slash = word.lastIndexOf("/");
  const dirPart = slash >= 0 ? word.slice(0, slash + 1) : "";
  const prefix = word.slice(slash + 1);
  const dirAbs = joinPath(cwd, dirPart === "" ? "." : dirPart);
  let entries: fs.DirEntry[];
  try {
    entries = fs.readdir(host.state, cred, dirAbs, 10_000);
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.name.startsWith(prefix) && (prefix.startsWith(".") || !e.name.startsWith(".")))
    .map((e) => {
      const target = e.inode.kind === "symlink" ? fs.tryResolve(host.state, cred, `${dirAbs}/${e.name}`)?.inode : e.inode;
      return `${dirPart}${e.name}${target?.kind === "dir" ? "/" : ""}`;
    });
}

export function complete(host: Host, cred: Cred, cwd: string, path: string, line: string): Completion {
  const from = Math.max(line.lastIndexOf(" "), line.lastIndexOf("|"), line.lastIndexOf(";"), line.lastIndexOf("&")) + 1;
  const word = line.slice(from);
  const before = line.slice(0, from).trim().split(/\s+/).filter(Boolean);
  const lastSep = Math.max(before.lastIndexOf("|"), before.lastIndexOf(";"), before.lastIndexOf("&&"), before.lastIndexOf("||"));
  const words = before.slice(lastSep + 1).filter((w) => !/^[|;&]+$/.test(w));
  const cmdWords = words[0] === "sudo" ? words.slice(1).filter((w) => !w.startsWith("-")) : words;
  const units = (): string[] => Object.keys(host.state.units).flatMap((u) => [u, u.replace(/\.service$/, "")]);
  let pool: string[];
  if (cmdWords.length === 0) pool = commandNames(host, cred, path);
  else if (cmdWords[0] === "systemctl" && cmdWords.length === 1) pool = SYSTEMCTL_VERBS;
  else if (cmdWords[0] === "systemctl") pool = units().filter((u) => u.endsWith(".service") || !word.includes("."));
  else if (cmdWords[0] === "journalctl" && (words[words.length - 1] === "-u" || words[words.length - 1] === "--unit")) pool = units();
  else pool = pathCandidates(host, cred, cwd, word);
  const candidates = [...new Set(pool.filter((c) => c.startsWith(word)))].sort();
  return { from, candidates };
}

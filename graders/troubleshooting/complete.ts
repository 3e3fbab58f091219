/**
 * Tab completion for the simulated shell, as bash-completion on Debian does
 * it for what people type: command names (first word) from $PATH and shell
 * builtins, unit names after `systemctl <verb>` and `journalctl -u`, and
 * paths everywhere else — listed with the candidate's own permissions, so
 * completion never reveals a directory they could not `ls`.
 */
import { JUST_BASH_BUILTINS, HOST_COMMANDS } from "../host/commands/registry.ts";
import type { Session } from "../host/shell/session.ts";
import { readdir, tryResolve } from "../host/state/fs.ts";
import { credFor, userByName } from "../host/state/users.ts";

export interface Completion {
  /** Index in the line where the completed word starts. */
  start: number;
  candidates: string[];
}

const BASH_BUILTINS = ["cd", "export", "unset", "exit", "logout", "source", "type", "set", "read", "wait", "jobs", "fg", "bg", "umask", "ulimit", "pushd", "popd", "dirs", "echo", "printf", "test", "true", "false", "history", "alias", "unalias", "help", "hash", "command"];
const SYSTEMCTL_UNIT_VERBS = new Set(["status", "start", "stop", "restart", "reload", "enable", "disable", "cat", "show", "is-active", "is-enabled", "is-failed", "kill", "edit", "mask", "unmask", "try-restart", "reload-or-restart"]);
const SYSTEMCTL_VERBS = [...SYSTEMCTL_UNIT_VERBS, "daemon-reload", "list-units", "list-unit-files", "list-timers", "list-dependencies", "--failed"].filter((v) => !v.startsWith("-")).sort();
const MAX_CANDIDATES = 200;

export function completeLine(session: Session, line: string, cursor: number): Completion {
  const before = line.slice(0, Math.max(0, Math.min(cursor, line.length)));
  // The word being completed: back to the last unquoted space (quotes are rare at a prompt).
  const start = Math.max(before.lastIndexOf(" "), before.lastIndexOf("|"), before.lastIndexOf(";"), before.lastIndexOf("&")) + 1;
  const word = before.slice(start);
  const words = before.slice(0, start).trim().split(/\s+/).filter(Boolean);
  const segment = trailingCommand(words);

  let candidates: string[];
  if (segment.length === 0 && !word.includes("/")) {
    candidates = commandNames(session).filter((c) => c.startsWith(word));
  } else if (segment.length === 1 && segment[0] === "systemctl" && !word.startsWith("-")) {
    candidates = SYSTEMCTL_VERBS.filter((v) => v.startsWith(word));
  } else if (isUnitPosition(segment)) {
    candidates = unitNames(session).filter((u) => u.startsWith(word));
  } else {
    candidates = pathCandidates(session, word);
  }
  return { start, candidates: [...new Set(candidates)].sort().slice(0, MAX_CANDIDATES) };
}

/** The words of the command the cursor is in (after the last pipe or separator), without `sudo`. */
function trailingCommand(words: string[]): string[] {
  let last = 0;
  words.forEach((w, i) => {
    if (["|", "||", "&&", ";"].includes(w)) last = i + 1;
  });
  const seg = words.slice(last);
  while (seg[0] === "sudo") seg.shift();
  return seg;
}

function isUnitPosition(seg: string[]): boolean {
  if (seg[0] === "systemctl") return seg.slice(1).some((w) => SYSTEMCTL_UNIT_VERBS.has(w));
  if (seg[0] === "journalctl") return seg[seg.length - 1] === "-u" || seg[seg.length - 1] === "--unit";
  return false;
}

function cred(session: Session) {
  const user = userByName(session.host.state, session.state.user);
  if (!user) throw new Error(`no user ${session.state.user}`);
  return credFor(session.host.state, user);
}

function commandNames(session: Session): string[] {
  const state = session.host.state;
  const c = cred(session);
  const out = [...BASH_BUILTINS];
  const path = session.state.vars.PATH ?? "/usr/local/bin:/usr/bin:/bin";
  for (const dir of path.split(":")) {
    try {
      for (const e of readdir(state, c, dir, 5000)) if (e.inode.kind !== "dir") out.push(e.name);
    } catch {
      // A missing or unreadable PATH entry completes nothing, as in bash.
    }
  }
  // Commands the shell provides but that the host's /usr/bin may not list.
  const known = new Set<string>([...HOST_COMMANDS.map((h) => h.name), ...JUST_BASH_BUILTINS]);
  return out.filter((n) => known.has(n) || !/[^\w.+-]/.test(n));
}

function unitNames(session: Session): string[] {
  const names = Object.keys(session.host.state.units);
  // `systemctl restart ng<Tab>` completes to nginx.service; bash-completion offers both forms.
  return [...names, ...names.filter((n) => n.endsWith(".service")).map((n) => n.slice(0, -".service".length))];
}

function pathCandidates(session: Session, word: string): string[] {
  const home = userByName(session.host.state, session.state.user)?.home ?? "/";
  const expanded = word.startsWith("~/") ? `${home}${word.slice(1)}` : word;
  const slash = expanded.lastIndexOf("/");
  const dirPart = slash === -1 ? "" : expanded.slice(0, slash + 1);
  const prefix = expanded.slice(slash + 1);
  const abs = dirPart.startsWith("/") ? dirPart : `${session.state.cwd.replace(/\/$/, "")}/${dirPart}`;
  const c = cred(session);
  let entries;
  try {
    entries = readdir(session.host.state, c, abs === "" ? "/" : abs, 5000);
  } catch {
    return [];
  }
  const shownDir = word.slice(0, word.lastIndexOf("/") + 1);
  return entries
    .filter((e) => e.name.startsWith(prefix) && (prefix.startsWith(".") || !e.name.startsWith(".")))
    .map((e) => {
      const isDir = e.inode.kind === "dir" || (e.inode.kind === "symlink" && isDirTarget(session, `${abs.replace(/\/$/, "")}/${e.name}`));
      return `${shownDir}${e.name}${isDir ? "/" : ""}`;
    });
}

function isDirTarget(session: Session, abs: string): boolean {
  const r = tryResolve(session.host.state, cred(session), abs, true);
  return r?.inode.kind === "dir";
}

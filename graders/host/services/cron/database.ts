import * as fs from "../../state/fs.ts";
import type { Host } from "../../state/host.ts";
import type { CronDb, CronTab, Inode } from "../../state/types.ts";
import { userByName } from "../../state/users.ts";
import { parseTable, type ParsedTable } from "./schedule.ts";

/**
 * cron's load_database() (Debian cron 3.0pl1, database.c): once a minute it
 * stats /var/spool/cron/crontabs, /etc/crontab and /etc/cron.d and re-reads
 * tables only when an mtime moved. /etc/cron.d files must have names of
 * [A-Za-z0-9_-] (a file with a dot, like `reportgen.bak`, is silently
 * skipped), be owned by root and not be group/other-writable; a user's spool
 * file must be owned by them (or root) and be exactly 0600. A rejected file is
 * logged and kept as a placeholder with mtime 0, which forces a rescan (and a
 * new log line) every minute until it is fixed.
 */

export const SPOOL_DIR = "/var/spool/cron/crontabs";
const SYSCRONTAB = "/etc/crontab";
const SYSCRONDIR = "/etc/cron.d";

export interface LoadedTable {
  fname: string;
  tab: CronTab;
  parsed: ParsedTable;
}

function lstat(host: Host, path: string): Inode | null {
  return fs.tryResolve(host.state, fs.ROOT, path, false)?.inode ?? null;
}

function stat(host: Host, path: string): Inode | null {
  return fs.tryResolve(host.state, fs.ROOT, path)?.inode ?? null;
}

function names(host: Host, dir: string): string[] {
  const inode = stat(host, dir);
  if (!inode || inode.kind !== "dir") return [];
  return Object.keys(inode.entries).sort();
}

/** cron's log_it(): "(who) EVENT (detail)" from the daemon itself. */
function logIt(host: Host, pid: number, who: string, event: string, detail: string, priority = 6): void {
  host.log({ ident: "cron", pid, unit: "cron.service", priority, message: `(${who}) ${event} (${detail})` });
}

function emptyDb(): CronDb {
  return { userMtime: 0, sysMtime: 0, sysdMtime: 0, tabs: {} };
}

/** The file's checks and mtime, or the reason cron refuses it. */
function check(host: Host, path: string, system: boolean, owner: number | null): { inode: Inode & { kind: "file" } } | { event: string; rescan: boolean } {
  const link = lstat(host, path);
  if (!link) return { event: "CAN'T OPEN", rescan: false };
  if (system && link.kind === "symlink" && link.uid !== 0) return { event: "WRONG SYMLINK OWNER", rescan: true };
  // User crontabs are opened with O_NOFOLLOW.
  if (!system && link.kind === "symlink") return { event: "CAN'T OPEN", rescan: false };
  const inode = stat(host, path);
  if (!inode) return { event: link.kind === "symlink" ? "CAN'T OPEN SYMLINK" : "CAN'T OPEN", rescan: link.kind === "symlink" };
  if (system ? inode.uid !== 0 : inode.uid !== owner && inode.uid !== 0) return { event: "WRONG FILE OWNER", rescan: true };
  if (inode.kind !== "file") return { event: "NOT A REGULAR FILE", rescan: false };
  if (system && (inode.mode & 0o022) !== 0) return { event: "INSECURE MODE (group/other writable)", rescan: true };
  if (!system && (inode.mode & 0o7777) !== 0o600) return { event: "INSECURE MODE (mode 0600 expected)", rescan: true };
  if (inode.nlink !== 1) return { event: "NUMBER OF HARD LINKS > 1", rescan: true };
  return { inode };
}

/** process_crontab(): check one file, reuse it if unchanged, reload (and say so) if changed. */
function processCrontab(host: Host, pid: number, old: CronDb, next: CronDb, fname: string, tabname: string, path: string, user: string | null): void {
  const system = user === null;
  let owner: number | null = null;
  if (!system) {
    const pw = userByName(host.state, user);
    if (!pw) {
      logIt(host, pid, fname, "ORPHAN", "no passwd entry");
      return;
    }
    owner = pw.uid;
  }
  const checked = check(host, path, system, owner);
  if ("event" in checked) {
    logIt(host, pid, fname, checked.event, tabname);
    if (checked.rescan) next.tabs[fname] = { tabname, mtimeMs: 0, text: null, ...(user ? { user } : {}) };
    return;
  }
  const mtimeMs = Math.floor(checked.inode.mtimeMs / 1000) * 1000;
  const previous = old.tabs[fname];
  if (previous && previous.mtimeMs === mtimeMs) {
    next.tabs[fname] = previous;
    return;
  }
  if (previous) logIt(host, pid, fname, "RELOAD", tabname);
  const text = fs.readFileRange(checked.inode, 0, 1_000_000);
  const parsed = parseTable(text, system, (name) => userByName(host.state, name) !== undefined);
  if ("message" in parsed) {
    host.log({ ident: "cron", pid, unit: "cron.service", priority: 3, message: `Error: ${parsed.message}; while reading ${path}` });
    logIt(host, pid, fname, "ERROR", "Syntax error, this crontab file will be ignored", 3);
    // Kept with its mtime: the error is not repeated until the file changes.
    next.tabs[fname] = { tabname, mtimeMs, text: null, ...(user ? { user } : {}) };
    return;
  }
  next.tabs[fname] = { tabname, mtimeMs, text, ...(user ? { user } : {}) };
}

/** cron.d names must match [A-Za-z0-9_-]+ (valid_name(), run-parts' classic rule). */
export function validCronDName(name: string): boolean {
  return /^[A-Za-z0-9_-]+$/.test(name);
}

/** Run load_database() as the cron daemon `pid` does at the top of each minute. */
export function loadDatabase(host: Host, pid: number): void {
  const old = host.state.cron ?? emptyDb();
  const sec = (inode: Inode | null): number => (inode ? Math.floor(inode.mtimeMs / 1000) * 1000 : 0);
  const userMtime = sec(stat(host, SPOOL_DIR));
  const sysMtime = sec(stat(host, SYSCRONTAB));
  const sysdMtime = sec(stat(host, SYSCRONDIR));
  let sysdChange = old.sysdMtime !== sysdMtime;
  if (!sysdChange) {
    for (const [fname, tab] of Object.entries(old.tabs)) {
      if (!fname.startsWith("*system*") || fname === "*system*") continue;
      if (tab.mtimeMs === 0 || sec(stat(host, tab.tabname)) !== tab.mtimeMs) sysdChange = true;
    }
  }
  // Only a user crontab rejected for its owner or mode forces a rescan through the spool: mtime 0.
  const userRescan = Object.entries(old.tabs).some(([fname, tab]) => !fname.startsWith("*system*") && tab.mtimeMs === 0);
  if (host.state.cron && old.userMtime === userMtime && old.sysMtime === sysMtime && !sysdChange && !userRescan) return;
  const next: CronDb = { userMtime, sysMtime, sysdMtime, tabs: {}, ...(old.lastMinuteMs !== undefined ? { lastMinuteMs: old.lastMinuteMs } : {}) };
  if (sysMtime) processCrontab(host, pid, old, next, "*system*", SYSCRONTAB, SYSCRONTAB, null);
  for (const name of names(host, SYSCRONDIR)) {
    if (name.startsWith(".") || !validCronDName(name)) continue;
    processCrontab(host, pid, old, next, `*system*${name}`, `${SYSCRONDIR}/${name}`, `${SYSCRONDIR}/${name}`, null);
  }
  for (const name of names(host, SPOOL_DIR)) {
    if (name.startsWith(".")) continue;
    processCrontab(host, pid, old, next, name, `crontabs/${name}`, `${SPOOL_DIR}/${name}`, name);
  }
  host.state.cron = next;
}

/** The tables cron would run jobs from right now. */
export function loadedTables(host: Host): LoadedTable[] {
  const out: LoadedTable[] = [];
  for (const [fname, tab] of Object.entries(host.state.cron?.tabs ?? {})) {
    if (tab.text === null) continue;
    const parsed = parseTable(tab.text, tab.user === undefined);
    if ("message" in parsed) continue;
    out.push({ fname, tab, parsed });
  }
  return out;
}

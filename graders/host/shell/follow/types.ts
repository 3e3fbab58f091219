import type { Cred } from "../../state/fs.ts";

/**
 * A command that keeps running after its first output (tail -f, journalctl
 * -f, top, vmstat N): what it needs to produce its next output, as plain
 * data. It lives in SessionState so a saved run restored mid-follow (server
 * restart, another process) continues exactly where it was.
 */

export interface TailFile {
  /** The operand as typed (messages and headers use it). */
  name: string;
  abs: string;
  /** The inode being read; null while a -F name does not resolve. */
  ino: number | null;
  offset: number;
}

export interface TailFollow {
  kind: "tail";
  /** -F / --follow=name: reopen the name when it is replaced (logrotate), retry while missing. */
  byName: boolean;
  cred: Cred;
  files: TailFile[];
  /** Headers "==> f <==" are printed when output switches files (several operands, or -v). */
  headers: boolean;
  /** Name of the file the last output came from. */
  last: string | null;
}

/** What journalctl selected, re-applied to new entries. */
export interface JournalQuery {
  units: string[];
  idents: string[];
  kernel: boolean;
  maxPrio: number;
  /** Who may read what: privileged sees everything, others only entries of their own processes. */
  privileged: boolean;
  uid: number;
  output: string;
}

export interface JournalFollow {
  kind: "journal";
  query: JournalQuery;
  /** Entries up to this time have been shown; `seenAtCursor` of those stamped exactly then. */
  cursorMs: number;
  seenAtCursor: number;
}

export interface TopOptions {
  sortKey: string;
  users: number[];
  pids: number[];
  fullCmd: boolean;
}

export interface TopFollow {
  kind: "top";
  opts: TopOptions;
  delayMs: number;
  nextAtMs: number;
  /** -n N: frames still to draw; null runs until q or Ctrl-C. */
  framesLeft: number | null;
}

export interface VmstatFollow {
  kind: "vmstat";
  delayMs: number;
  nextAtMs: number;
  /** Samples still to print; null runs until Ctrl-C. */
  left: number | null;
  /** Lines printed since the last header (vmstat repeats its header every screenful). */
  sinceHeader: number;
  /** -n: the header only once. */
  noHeaders: boolean;
}

export interface PingFollow {
  kind: "ping";
  target: string;
  addr: string;
  who: string;
  ttl: number;
  intervalMs: number;
  quiet: boolean;
  /** Echoes sent so far, and the round trips of those answered. */
  sent: number;
  rtts: number[];
  startMs: number;
  nextAtMs: number;
}

export interface WatchFollow {
  kind: "watch";
  /** The command line watch runs through `sh -c`. */
  command: string;
  intervalMs: number;
  nextAtMs: number;
  /** -t: no header line. */
  noTitle: boolean;
  /** Who runs it (sudo watch ... runs the command as root each time). */
  cred: Cred;
  user: string;
}

export type FollowSpec = TailFollow | JournalFollow | TopFollow | VmstatFollow | PingFollow | WatchFollow;

export interface FollowState {
  spec: FollowSpec;
  /** Later stages of the pipeline (`| grep ERROR`), re-run over each new chunk; null when none. */
  filter: string | null;
}

/** What the terminal should do with keys while a follow runs. */
export type FollowKeys = "interrupt" | "top";

export function followKeys(spec: FollowSpec): FollowKeys {
  return spec.kind === "top" ? "top" : "interrupt";
}

/** What a client needs to know about a running follow. */
export interface FollowInfo {
  keys: FollowKeys;
  /** Draws on the alternate screen (top, watch): nothing of it stays in the scrollback or transcript. */
  fullScreen: boolean;
}

export function followInfo(spec: FollowSpec): FollowInfo {
  return { keys: followKeys(spec), fullScreen: spec.kind === "top" || spec.kind === "watch" };
}

import * as fs from "../../state/fs.ts";
import { isSysError } from "../../state/errors.ts";
import type { Host } from "../../state/host.ts";
import { joinPath } from "../../state/paths.ts";
import { availableBlocks } from "../../state/usage.ts";
import type { Proc } from "../../state/types.ts";
import { strftime } from "../../commands/date/strftime.ts";
import type { Program } from "../types.ts";

/**
 * A debug dumper: writes params.bytes of JSON state to its standard output
 * and exits after params.runMs. Where that output lands is decided by the
 * shell that started it, so this reads its parent's `sh -c` command line:
 * `> FILE` (with `$(date +FMT)` expanded, as dash would) creates or truncates
 * FILE, `>> FILE` appends, `> /dev/null` discards; with no redirection the
 * output goes back to CRON, which cannot mail it. A full disk truncates the
 * dump, as write(2) would.
 */

interface Target {
  path: string | null;
  append: boolean;
}

/** The stdout redirection of the simple command that runs `exe` in the shell's script. */
export function stdoutTarget(script: string, exe: string, nowMs: number): Target | "cron" {
  const expanded = script.replace(/\$\(date \+([^)]*)\)/g, (_m, fmt: string) => strftime(fmt.replace(/^['"]|['"]$/g, ""), nowMs));
  for (const segment of expanded.split(/&&|\|\||;/)) {
    if (!segment.includes(exe)) continue;
    const m = /(?:^|\s)1?(>>?)\s*("[^"]*"|'[^']*'|[^\s;&|]+)/.exec(segment.slice(segment.indexOf(exe)));
    if (!m) return "cron";
    const word = (m[2] ?? "").replace(/^["']|["']$/g, "");
    return { path: word === "/dev/null" ? null : word, append: m[1] === ">>" };
  }
  return "cron";
}

/** false when the shell could not even open the file (it then reports that, not the dump, to CRON). */
function write(host: Host, proc: Proc, abs: string, append: boolean, bytes: number): boolean {
  const cred = { uid: proc.uid, gid: proc.gid, groups: [proc.gid] };
  const state = host.state;
  let found = fs.tryResolve(state, cred, abs);
  try {
    if (!found) {
      fs.createFile(state, cred, abs, "", { mode: 0o644 });
      found = fs.tryResolve(state, cred, abs);
    }
  } catch (e) {
    if (!isSysError(e)) throw e;
    return false;
  }
  if (!found || found.inode.kind !== "file") return false;
  const inode = found.inode;
  const mount = fs.mountOf(state, inode.dev);
  const before = append ? inode.genBytes + inode.text.length : 0;
  if (!append) fs.truncateInode(state, cred, inode, 0, abs);
  // What fits: root may use the reserve; the dump stops where write(2) returns ENOSPC.
  const room = availableBlocks(state.fs, mount, cred.uid === 0) * mount.blockSize;
  const wrote = Math.max(0, Math.min(bytes, room));
  inode.text = "";
  inode.genBytes = before + wrote;
  inode.gen = { name: "debug-dump", params: { startMs: host.now, seed: proc.pid } };
  inode.mtimeMs = host.now;
  return true;
}

export const debugDump: Program = {
  start(host, proc) {
    const params = proc.params ?? {};
    const parent = host.state.procs[proc.ppid];
    const script = parent?.argv[0] === "/bin/sh" ? (parent.argv[2] ?? "") : "";
    const target = stdoutTarget(script, proc.argv[0] ?? proc.exe, host.now);
    const bytes = Number(params.bytes ?? 0) + ((proc.pid * 7919) % Math.max(1, Number(params.jitter ?? 1)));
    const toCron = (): void => {
      const cron = parent ? host.state.procs[parent.ppid] : undefined;
      if (cron?.program === "cron-session") cron.params = { ...cron.params, output: "dump" };
    };
    if (target === "cron") toCron();
    else if (target.path !== null && !write(host, proc, joinPath(proc.cwd, target.path), target.append, bytes)) toCron();
    proc.params = { ...params, endMs: host.now + Number(params.runMs ?? 3_000) };
  },
  tick(host, proc, _fromMs, toMs) {
    if (toMs >= Number(proc.params?.endMs ?? 0)) host.terminate(proc, 0, 0);
  },
};

import { isSysError } from "../state/errors.ts";
import { createFile, tryResolve, ROOT, type Cred } from "../state/fs.ts";
import type { Host } from "../state/host.ts";
import type { DirInode, Proc } from "../state/types.ts";
import type { HttpResponse, Program } from "./types.ts";

/**
 * /usr/local/bin/webapp: an HTTP app with a file-backed session store. Every
 * login writes one small file `sess_<id>` into params.dir (ids count up), and
 * every request of a signed-in user touches that user's file, so the sessions
 * of the last params.activeMs always look fresh. Expired files are never
 * removed by the app itself; that is the job of a cron'd cleanup.
 *
 * When the store cannot create a file (ENOSPC: no free blocks *or* no free
 * inodes, the same errno on ext4) logins fail and /health says so.
 */

const PREFIX = "sess_";

function log(host: Host, proc: Proc, priority: number, message: string): void {
  host.log({ ident: "webapp", pid: proc.pid, unit: proc.unit ?? null, priority, message });
}

function json(status: number, reason: string, body: unknown): HttpResponse {
  const text = JSON.stringify(body) + "\n";
  return { status, reason, headers: [["Content-Type", "application/json"], ["Content-Length", String(text.length)]], body: text };
}

function storeDir(host: Host, proc: Proc): DirInode | null {
  const found = tryResolve(host.state, ROOT, String(proc.params?.dir ?? ""));
  return found && found.inode.kind === "dir" ? found.inode : null;
}

/**
 * Active users keep their session files fresh: the counted entries with ids
 * from params.liveFrom up are re-stamped so the newest was touched a minute
 * ago and the oldest within the active window. Entries someone deleted stay
 * deleted; the ranges left over are only re-timed.
 */
function touchLive(host: Host, proc: Proc, dir: DirInode): void {
  const p = proc.params ?? {};
  const from = Number(p.liveFrom);
  const to = Number(p.liveTo);
  if (!(to > from)) return;
  const step = Math.floor(Number(p.activeMs ?? 2_700_000) / (to - from));
  for (const range of dir.bulk ?? []) {
    if (range.start < from || !range.prefix.startsWith(PREFIX)) continue;
    range.mtimeStepMs = step;
    range.mtimeMs = host.now - 60_000 - to * step;
  }
}

function nextFreeId(dir: DirInode): number {
  let next = 0;
  for (const range of dir.bulk ?? []) if (range.prefix === PREFIX && range.end > range.start) next = Math.max(next, range.end);
  for (const name of Object.keys(dir.entries)) {
    const m = /^sess_([0-9]+)$/.exec(name);
    if (m) next = Math.max(next, Number(m[1]) + 1);
  }
  return next;
}

function sessionText(id: number, nowMs: number): string {
  const user = 1000 + ((id * 2654435761) >>> 0) % 90_000;
  const csrf = ((id * 2246822519) >>> 0).toString(16).padStart(8, "0").repeat(4);
  return `user_id|i:${user};csrf|s:32:"${csrf}";created|i:${Math.floor(nowMs / 1000)};flash|a:0:{}`;
}

/** Try to store one new session as the app's user; the errno text as Go prints it, or null when stored. */
function saveSession(host: Host, proc: Proc): string | null {
  const p = proc.params ?? {};
  const id = Number(p.nextId);
  const path = `${String(p.dir)}/${PREFIX}${id}`;
  const cred: Cred = { uid: proc.uid, gid: proc.gid, groups: [proc.gid] };
  // The id is spent whether or not the file could be written.
  proc.params = { ...p, nextId: id + 1 };
  try {
    createFile(host.state, cred, path, sessionText(id, host.now), { mode: 0o600 });
    return null;
  } catch (e) {
    if (!isSysError(e)) throw e;
    const why = e.code === "ENOSPC" ? "no space left on device" : e.code === "EACCES" ? "permission denied" : e.code === "ENOENT" ? "no such file or directory" : e.text.toLowerCase();
    return `open ${path}: ${why}`;
  }
}

export const sessionApp: Program = {
  start(host, proc) {
    const dir = storeDir(host, proc);
    // Ids continue after the newest session on disk, so a restart never collides with an existing file.
    if (dir) proc.params = { ...proc.params, nextId: Math.max(Number(proc.params?.nextId ?? 0), nextFreeId(dir)) };
    const p = proc.params ?? {};
    proc.fds["3"] = { kind: "socket", proto: "TCP", localPort: Number(p.port), state: "LISTEN", inode: 23_000 + proc.pid };
    log(host, proc, 6, `webapp ${String(p.version ?? "3.2.0")} listening on :${Number(p.port)} (sessions: file store ${String(p.dir)})`);
  },

  tick(host, proc, fromMs, toMs) {
    const dir = storeDir(host, proc);
    if (dir) touchLive(host, proc, dir);
    const p = proc.params ?? {};
    // Logins arrive at params.loginsPerMin; the fraction left over carries to the next step.
    const due = Number(p.loginCarry ?? 0) + (Number(p.loginsPerMin ?? 6) * (toMs - fromMs)) / 60_000;
    const logins = Math.floor(due);
    proc.params = { ...p, loginCarry: due - logins };
    if (logins === 0) return;
    let error: string | null = null;
    for (let i = 0; i < logins && error === null; i++) error = saveSession(host, proc);
    const q = proc.params;
    if (error === null) {
      if (q.storeError) log(host, proc, 6, "session store: writes succeeding again");
      proc.params = { ...q, storeError: "" };
      return;
    }
    // One line per failing minute, not per request, like the app's rate-limited error log.
    const logNow = toMs - Number(q.lastErrorLogMs ?? 0) >= 60_000;
    if (logNow) log(host, proc, 3, `ERROR POST /login: session store: ${error}`);
    proc.params = { ...q, storeError: error, ...(logNow ? { lastErrorLogMs: toMs } : {}) };
  },

  http(host, proc, req) {
    if (req.path !== "/health") return json(404, "Not Found", { error: "not found" });
    // A probe session: the same create(2) a login does, removed again at once.
    const error = probe(host, proc);
    if (error) return json(503, "Service Unavailable", { status: "unhealthy", checks: { sessions: error } });
    return json(200, "OK", { status: "ok", checks: { sessions: "ok" } });
  },
};

function probe(host: Host, proc: Proc): string | null {
  const p = proc.params ?? {};
  const dir = storeDir(host, proc);
  if (!dir) return `open ${String(p.dir)}/.healthcheck: no such file or directory`;
  const path = `${String(p.dir)}/.healthcheck`;
  const cred: Cred = { uid: proc.uid, gid: proc.gid, groups: [proc.gid] };
  try {
    if (dir.entries[".healthcheck"] === undefined) {
      createFile(host.state, cred, path, "", { mode: 0o600 });
      const ino = dir.entries[".healthcheck"];
      delete dir.entries[".healthcheck"];
      if (ino !== undefined) delete host.state.fs.inodes[ino];
    }
    return null;
  } catch (e) {
    if (!isSysError(e)) throw e;
    const why = e.code === "ENOSPC" ? "no space left on device" : e.code === "EACCES" ? "permission denied" : e.text.toLowerCase();
    return `open ${path}: ${why}`;
  }
}

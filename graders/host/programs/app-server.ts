import { createFile, mountOf, permits, resolve, ROOT, tryResolve } from "../state/fs.ts";
import { isSysError } from "../state/errors.ts";
import { credFor, userByUid } from "../state/users.ts";
import { allocatedBytes, availableBlocks, fileSize } from "../state/usage.ts";
import type { Host } from "../state/host.ts";
import type { FileInode, Proc } from "../state/types.ts";
import type { HttpResponse, Program } from "./types.ts";

/**
 * /usr/local/bin/app-server: an HTTP API that appends an access-log line per
 * request to its log file (fd 3) and answers /health. It reports unhealthy
 * while its log's filesystem has no space for it, which is exactly when a
 * real server's writes start failing with ENOSPC.
 *
 * With `--config PATH` on its command line it first reads that file as the
 * user it runs as; if it cannot (permissions, a missing file) it logs the
 * error and exits 1 right away, so a Restart=always unit crash-loops.
 */

const LOG_FD = "3";

function logInode(host: Host, proc: Proc): FileInode | null {
  const fd = proc.fds[LOG_FD];
  if (!fd || fd.kind !== "file") return null;
  const inode = host.state.fs.inodes[fd.ino];
  return inode && inode.kind === "file" ? inode : null;
}

/** Room left for an unprivileged writer: free blocks beyond the root reserve plus slack in the last block. */
function roomFor(host: Host, inode: FileInode): number {
  const mount = mountOf(host.state, inode.dev);
  const slack = allocatedBytes(inode, mount.blockSize) - fileSize(inode) - (inode.extraBlocks ?? 0) * mount.blockSize;
  return availableBlocks(host.state.fs, mount, false) * mount.blockSize + slack;
}

function json(status: number, reason: string, body: unknown): HttpResponse {
  const text = JSON.stringify(body) + "\n";
  return {
    status,
    reason,
    headers: [["Content-Type", "application/json"], ["Content-Length", String(text.length)]],
    body: text,
  };
}

/** Why the process cannot read its config file, as Go's os.ReadFile words it, or null when it can. */
export function configError(host: Host, who: { uid: number; gid: number }, path: string): string | null {
  // systemd sets the unit user's supplementary groups (initgroups) before exec.
  const user = userByUid(host.state, who.uid);
  const cred = user ? credFor(host.state, user) : { uid: who.uid, gid: who.gid, groups: [who.gid] };
  try {
    const { inode } = resolve(host.state, cred, path);
    if (inode.kind === "dir") return `read ${path}: is a directory`;
    return permits(inode, cred, 4) ? null : `open ${path}: permission denied`;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return `open ${path}: ${e.code === "ENOENT" ? "no such file or directory" : e.code === "EACCES" ? "permission denied" : e.text.toLowerCase()}`;
  }
}

function configPath(proc: Proc): string | null {
  const i = proc.argv.indexOf("--config");
  if (i >= 0) return proc.argv[i + 1] ?? null;
  const eq = proc.argv.find((a) => a.startsWith("--config="));
  return eq ? eq.slice("--config=".length) : null;
}

export const appServer: Program = {
  start(host, proc) {
    const params = proc.params ?? {};
    const config = configPath(proc);
    if (config !== null) {
      const err = configError(host, proc, config);
      if (err !== null) {
        host.log({ ident: "app-server", pid: proc.pid, unit: proc.unit ?? null, priority: 2, message: `FATAL load config: ${err}` });
        host.terminate(proc, 0, 1);
        return;
      }
    }
    const path = String(params.logFile);
    const existing = tryResolve(host.state, ROOT, path);
    const inode = existing?.inode ?? createFile(host.state, ROOT, path, "", { uid: proc.uid, gid: proc.gid, mode: 0o640 });
    proc.fds[LOG_FD] = { kind: "file", ino: inode.ino, path, mode: "a", offset: fileSize(inode) };
    proc.fds["4"] = { kind: "socket", proto: "TCP", localPort: Number(params.port), state: "LISTEN", inode: 20_000 + proc.pid };
    host.log({ ident: "app-server", pid: proc.pid, unit: proc.unit ?? null, priority: 6, message: `listening on :${Number(params.port)}` });
  },

  tick(host, proc, fromMs, toMs) {
    const inode = logInode(host, proc);
    if (!inode) return;
    const params = proc.params ?? {};
    const want = Math.round((Number(params.bytesPerSec) * (toMs - fromMs)) / 1000);
    const room = Math.max(0, roomFor(host, inode));
    const wrote = Math.min(want, room);
    if (inode.text === "") {
      inode.gen ??= { name: "access-log", params: { startMs: toMs, stepMs: 40, seed: proc.pid } };
      inode.genBytes += wrote;
    } else {
      // A hand-edited log keeps its literal bytes; new lines are appended as text.
      inode.text += `${new Date(toMs).toISOString()} INFO  request served\n`.slice(0, wrote);
    }
    if (wrote > 0) inode.mtimeMs = toMs;
    const full = wrote < want;
    if (full && !params.diskFull) {
      host.log({
        ident: "app-server", pid: proc.pid, unit: proc.unit ?? null, priority: 3,
        message: `ERROR write ${getFdPath(proc)}: no space left on device`,
      });
    }
    proc.params = { ...params, diskFull: full ? 1 : 0 };
  },

  http(host, proc, req) {
    const inode = logInode(host, proc);
    const full = inode !== null && roomFor(host, inode) <= 0;
    if (req.path === "/health") {
      if (full) return json(503, "Service Unavailable", { status: "unhealthy", error: `write ${getFdPath(proc)}: no space left on device` });
      return json(200, "OK", { status: "ok" });
    }
    if (full) return json(500, "Internal Server Error", { error: "internal error" });
    return json(404, "Not Found", { error: "not found" });
  },
};

function getFdPath(proc: Proc): string {
  const fd = proc.fds[LOG_FD];
  return fd && fd.kind === "file" ? fd.path : "app.log";
}

import { SysError } from "../state/errors.ts";
import { ensureWritable, isReadOnly, mountForPath, tryResolve } from "../state/fs.ts";
import { ext4Error, isMounted } from "../state/mounts.ts";
import { credFor, userByUid } from "../state/users.ts";
import type { Host } from "../state/host.ts";
import type { Mount, Proc } from "../state/types.ts";
import { appServer } from "./app-server.ts";
import type { HttpResponse, Program } from "./types.ts";

/**
 * app-server storing uploads under a data directory (params.dataDir, its
 * WorkingDirectory) on its own filesystem. Every request stores a file
 * there, so while that filesystem is read-only every upload fails and
 * /health reports it. Once a minute it rescans its upload index; if the
 * filesystem still has the damaged directory e2fsck never repaired
 * (Mount.fsErrors), that lookup trips ext4's error handling again.
 */

const SCAN_EVERY_MS = 60_000;
const LOG_EVERY_MS = 60_000;

function dataMount(host: Host, proc: Proc): Mount | null {
  const dir = String(proc.params?.dataDir ?? "");
  const found = tryResolve(host.state, credOf(host, proc), dir);
  if (!found) return null;
  const m = mountForPath(host.state, found.path);
  return isMounted(m) ? m : null;
}

function credOf(host: Host, proc: Proc) {
  const user = userByUid(host.state, proc.uid);
  return user ? credFor(host.state, user) : { uid: proc.uid, gid: proc.gid, groups: [proc.gid] };
}

/** Why storing an upload fails now, worded as Go's os.Create error, or null. */
function storeError(host: Host, proc: Proc, name: string): string | null {
  const dir = String(proc.params?.dataDir ?? "");
  const path = `${dir}/uploads/${name}`;
  const found = tryResolve(host.state, credOf(host, proc), dir);
  if (!found) return `open ${path}: no such file or directory`;
  try {
    ensureWritable(host.state, found.inode.dev, path);
    return null;
  } catch (e) {
    if (e instanceof SysError) return `open ${path}: ${e.text.toLowerCase()}`;
    throw e;
  }
}

function uploadName(ms: number): string {
  const d = new Date(ms).toISOString();
  return `${d.slice(0, 4)}/${d.slice(5, 7)}/${d.slice(8, 10)}/${Math.floor(ms / 1000 * 7919 % 2_176_782_336).toString(36)}.jpg`;
}

function json(status: number, reason: string, body: unknown): HttpResponse {
  const text = JSON.stringify(body) + "\n";
  return { status, reason, headers: [["Content-Type", "application/json"], ["Content-Length", String(text.length)]], body: text };
}

export const uploadApp: Program = {
  start(host, proc) {
    const dir = String(proc.params?.dataDir ?? "");
    if (!tryResolve(host.state, credOf(host, proc), dir)) {
      host.log({ ident: "app-server", pid: proc.pid, unit: proc.unit ?? null, priority: 2, message: `FATAL data dir: stat ${dir}: no such file or directory` });
      host.terminate(proc, 0, 1);
      return;
    }
    proc.cwd = dir;
    appServer.start?.(host, proc);
    proc.params = { ...proc.params, nextScanMs: host.now + SCAN_EVERY_MS, lastErrLogMs: 0, uploads: Number(proc.params?.uploads ?? 0) };
  },

  tick(host, proc, fromMs, toMs) {
    appServer.tick?.(host, proc, fromMs, toMs);
    const params = proc.params ?? {};
    const m = dataMount(host, proc);
    if (m && m.fsErrors && !isReadOnly(m) && toMs >= Number(params.nextScanMs ?? 0)) {
      const e = m.fsErrors;
      ext4Error(host, m, `${e.func}:${e.line}: inode #${e.inode}: comm app-server: deleted inode referenced: ${e.inode + 32}`, { abortJournal: true });
    }
    if (toMs >= Number(params.nextScanMs ?? 0)) params.nextScanMs = toMs + SCAN_EVERY_MS;
    const seq = Number(params.uploads ?? 0) + 1;
    const err = storeError(host, proc, uploadName(toMs));
    if (err === null) params.uploads = seq;
    else if (toMs - Number(params.lastErrLogMs ?? 0) >= LOG_EVERY_MS) {
      host.log({ ident: "app-server", pid: proc.pid, unit: proc.unit ?? null, priority: 3, message: `ERROR store upload: ${err}` });
      params.lastErrLogMs = toMs;
    }
    proc.params = params;
  },

  http(host, proc, req) {
    if (req.path === "/health") {
      const err = storeError(host, proc, ".healthcheck");
      if (err !== null) return json(503, "Service Unavailable", { status: "unhealthy", error: err.replace("/uploads/.healthcheck", "/.healthcheck") });
    }
    if (!appServer.http) throw new Error("app-server has no http handler");
    return appServer.http(host, proc, req);
  },
};

import * as fs from "../state/fs.ts";
import type { Host } from "../state/host.ts";
import { deliveredKbps } from "../state/io.ts";
import type { Proc } from "../state/types.ts";
import type { Program } from "./types.ts";

/**
 * `tar czf ARCHIVE -C /srv data` run by /usr/local/sbin/backup-data from cron.
 * tar reads as fast as gzip can take it (params.readKbPerSec, mostly asleep
 * in D waiting for the disk); the disk decides how much it actually gets
 * (state/io.ts), so an ionice'd tar takes longer and leaves the disk to
 * others. The archive grows with the compressed bytes. When all of
 * params.totalKb is read, gzip, tar and the script exit and the script
 * records success; if tar dies first, gzip ends a truncated archive and the
 * script logs the failure.
 */

const GZIP_RATIO = 0.31;

type Params = Record<string, string | number>;

/** The job's processes, by the pids the scenario recorded in both tar's and gzip's params. */
function chain(host: Host, p: Params): { tar?: Proc; gzip?: Proc; script?: Proc; sh?: Proc; cron?: Proc } {
  const get = (k: string): Proc | undefined => host.state.procs[Number(p[k] ?? -1)];
  return { tar: get("tarPid"), gzip: get("gzipPid"), script: get("scriptPid"), sh: get("shPid"), cron: get("cronPid") };
}

function scriptLog(host: Host, message: string, priority = 6): void {
  host.log({ ident: "backup-data", pid: 20_000 + (Math.floor(host.now / 1000) % 40_000), unit: "cron.service", priority, message });
}

/** The script's tail: remember the archive, let the processes above tar go, and cron close the session. */
function wrapUp(host: Host, p: Params, ok: boolean): void {
  const { tar, gzip, script, sh, cron } = chain(host, p);
  const archive = String(p.archive);
  if (ok) {
    const found = fs.tryResolve(host.state, fs.ROOT, "/var/backups/.last-success");
    if (found && found.inode.kind === "file") fs.writeInode(host.state, fs.ROOT, found.inode, 0, `${archive}\n`, "/var/backups/.last-success");
    else fs.createFile(host.state, fs.ROOT, "/var/backups/.last-success", `${archive}\n`, { mode: 0o644 });
    const gib = (Number(p.totalKb) * GZIP_RATIO) / 1024 / 1024;
    scriptLog(host, `backup finished: ${archive} (${gib.toFixed(0)}G) in ${Math.round((host.now - Number(p.startedMs)) / 60_000)}m`);
  } else {
    scriptLog(host, `tar exited with status 143; backup FAILED, ${archive} is incomplete`, 3);
  }
  for (const q of [gzip, tar, script, sh]) if (q && host.state.procs[q.pid] && q.state !== "Z") host.terminate(q, 0, ok ? 0 : 2);
  if (cron && host.state.procs[cron.pid]) {
    host.log({ ident: "CRON", pid: cron.pid, unit: "cron.service", priority: 6, message: "pam_unix(cron:session): session closed for user root" });
    host.terminate(cron, 0, 0);
  }
}

export const backupTar: Program = {
  tick(host, proc, fromMs, toMs) {
    if (host.state.procs[proc.pid] !== proc) return;
    const p = proc.params ?? {};
    const read = deliveredKbps(host, proc).read * ((toMs - fromMs) / 1000);
    const done = Math.min(Number(p.totalKb), Number(p.doneKb ?? 0) + read);
    proc.params = { ...p, doneKb: done };
    const archive = fs.tryResolve(host.state, fs.ROOT, String(p.archive));
    if (archive && archive.inode.kind === "file") {
      archive.inode.genBytes = Math.round(done * GZIP_RATIO * 1024);
      archive.inode.mtimeMs = toMs;
    }
    if (done >= Number(p.totalKb)) wrapUp(host, proc.params, true);
  },
};

/** gzip: reads tar's pipe; when tar is gone before the end it flushes what it has and exits, and the script reports the failure. */
export const backupGzip: Program = {
  tick(host, proc) {
    // Already ended in this clock step, together with tar, when the archive was complete.
    if (host.state.procs[proc.pid] !== proc) return;
    const tar = host.state.procs[Number(proc.params?.tarPid ?? -1)];
    if (tar && tar.state !== "Z") return;
    wrapUp(host, proc.params ?? {}, false);
  },
};

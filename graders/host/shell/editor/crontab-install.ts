import * as fs from "../../state/fs.ts";
import type { Host } from "../../state/host.ts";
import { groupByName, userByName } from "../../state/users.ts";

const SPOOL = "/var/spool/cron/crontabs";

/**
 * What crontab(1) does to install a user's table: the file in the spool owned
 * by the user, group crontab, mode 0600, renamed into place, so the spool
 * directory's mtime changes and cron rereads it on its next minute.
 */
export function installCrontab(host: Host, user: string, text: string): void {
  const state = host.state;
  for (const dir of ["/var/spool/cron", SPOOL]) {
    if (!fs.tryResolve(state, fs.ROOT, dir)) fs.mkdir(state, fs.ROOT, dir, { mode: dir === SPOOL ? 0o1730 : 0o755 });
  }
  const path = `${SPOOL}/${user}`;
  const existing = fs.tryResolve(state, fs.ROOT, path);
  if (existing) fs.unlink(state, fs.ROOT, path);
  const owner = userByName(state, user);
  fs.createFile(state, fs.ROOT, path, text, { mode: 0o600, uid: owner?.uid ?? 0, gid: groupByName(state, "crontab")?.gid ?? 0 });
  const spool = fs.tryResolve(state, fs.ROOT, SPOOL);
  if (spool) spool.inode.mtimeMs = host.now;
}

/** The user's installed table, or null. */
export function readCrontab(host: Host, user: string): string | null {
  const found = fs.tryResolve(host.state, fs.ROOT, `${SPOOL}/${user}`);
  return found && found.inode.kind === "file" ? fs.readFileRange(found.inode, 0, 1_000_000) : null;
}

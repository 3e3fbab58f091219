import { chown, createFile, mkdir, ROOT, tryResolve } from "../fs.ts";
import type { HostState } from "../types.ts";

/**
 * What Debian's cron package installs besides /etc/crontab: the run-parts
 * directories with dpkg's .placeholder files (which cron skips, dot first),
 * the spool /var/spool/cron/crontabs (root:crontab, 1730: users may create
 * their file through the setgid crontab binary, not list others'), and
 * crontab(1) itself setgid crontab.
 */

export const CRONTAB_GID = 102;

const PLACEHOLDER = "# DO NOT EDIT OR REMOVE\n# This file is a simple placeholder to keep dpkg from removing this directory\n";

export function installCron(state: HostState, mtimeMs: number): void {
  for (const dir of ["/etc/cron.d", "/etc/cron.hourly", "/etc/cron.daily", "/etc/cron.weekly", "/etc/cron.monthly"]) {
    if (!tryResolve(state, ROOT, dir)) mkdir(state, ROOT, dir, { mtimeMs });
    if (!tryResolve(state, ROOT, `${dir}/.placeholder`)) createFile(state, ROOT, `${dir}/.placeholder`, PLACEHOLDER, { mtimeMs });
  }
  for (const [path, mode, gid] of [["/var/spool", 0o755, 0], ["/var/spool/cron", 0o755, 0], ["/var/spool/cron/crontabs", 0o1730, CRONTAB_GID]] as const) {
    if (!tryResolve(state, ROOT, path)) mkdir(state, ROOT, path, { mode, gid, mtimeMs });
  }
  const crontab = tryResolve(state, ROOT, "/usr/bin/crontab");
  if (crontab) {
    chown(state, ROOT, "/usr/bin/crontab", 0, CRONTAB_GID);
    crontab.inode.mode = 0o2755;
  }
}

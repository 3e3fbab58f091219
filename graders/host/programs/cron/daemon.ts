import type { Host } from "../../state/host.ts";
import type { Proc } from "../../state/types.ts";
import { loadDatabase } from "../../services/cron/database.ts";
import { runDueJobs } from "../../services/cron/jobs.ts";
import type { Program } from "../types.ts";

/**
 * /usr/sbin/cron -f (Debian cron 3.0pl1): wakes one second into every
 * minute, re-reads whatever crontab changed (database.ts) and starts the
 * jobs due in that minute (jobs.ts). Stopping it stops new jobs only: with
 * KillMode=process the jobs already running keep running.
 */

const MINUTE = 60_000;
/** cron sleeps until the first second of the next minute. */
const WAKE_OFFSET = 1_000;

function info(host: Host, proc: Proc, message: string): void {
  host.log({ ident: "cron", pid: proc.pid, unit: "cron.service", priority: 6, message: `(CRON) INFO (${message})` });
}

export const cronDaemon: Program = {
  start(host, proc) {
    info(host, proc, "pidfile fd = 3");
    // /run/crond.reboot exists after the first start since boot: @reboot jobs only run then.
    info(host, proc, "Skipping @reboot jobs -- not system startup");
    // A fresh daemon has an empty database: it loads every table again (and logs their errors again).
    const last = host.state.cron?.lastMinuteMs;
    delete host.state.cron;
    if (last !== undefined) host.state.cron = { userMtime: -1, sysMtime: -1, sysdMtime: -1, tabs: {}, lastMinuteMs: last };
  },

  tick(host, proc, fromMs, toMs) {
    const wake = Math.floor((toMs - WAKE_OFFSET) / MINUTE) * MINUTE + WAKE_OFFSET;
    if (wake <= fromMs || wake > toMs) return;
    const minute = wake - WAKE_OFFSET;
    if ((host.state.cron?.lastMinuteMs ?? -1) >= minute) return;
    loadDatabase(host, proc.pid);
    runDueJobs(host, proc, minute);
    if (host.state.cron) host.state.cron.lastMinuteMs = minute;
  },

  // SIGHUP makes cron re-read its tables, which it does every minute anyway.
  onSignal: (_host, _proc, sig) => sig === 1,
};

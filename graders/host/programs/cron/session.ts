import type { Program } from "../types.ts";

/**
 * The `/usr/sbin/CRON -f` child that holds a job's PAM session. It waits for
 * the job's shell; when that is gone it reports output nobody could mail
 * (Debian ships no MTA on cloud images) and closes the session.
 */
export const cronSession: Program = {
  tick(host, proc) {
    const children = Object.values(host.state.procs).filter((p) => p.ppid === proc.pid);
    // The shell exits the moment its command does; collect both in the same instant.
    for (const sh of children) {
      if (sh.program === "cron-shell" && !Object.values(host.state.procs).some((p) => p.ppid === sh.pid)) host.terminate(sh, 0, Number(sh.params?.exitCode ?? 0));
    }
    if (Object.values(host.state.procs).some((p) => p.ppid === proc.pid)) return;
    const params = proc.params ?? {};
    const log = (message: string): void => host.log({ ident: "CRON", pid: proc.pid, unit: "cron.service", priority: 6, message });
    if (params.output && params.mailto !== "") log("(CRON) info (No MTA installed, discarding output)");
    log(`pam_unix(cron:session): session closed for user ${String(params.user)}`);
    host.terminate(proc, 0, 0);
  },
};

/** `/bin/sh -c CMD` under CRON: exits with its command once that command is gone. */
export const cronShell: Program = {
  tick(host, proc) {
    if (Object.values(host.state.procs).some((p) => p.ppid === proc.pid)) return;
    host.terminate(proc, 0, Number(proc.params?.exitCode ?? 0));
  },
};

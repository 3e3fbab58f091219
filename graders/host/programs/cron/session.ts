import { childrenOf, hasChild } from "../../state/procs.ts";
import type { Program } from "../types.ts";

/**
 * The `/usr/sbin/CRON -f` child that holds a job's PAM session. It waits for
 * the job's shell; when that is gone it reports output nobody could mail
 * (Debian ships no MTA on cloud images) and closes the session.
 */
export const cronSession: Program = {
  tick(host, proc) {
    // The shell exits the moment its command does; collect both in the same instant.
    for (const sh of childrenOf(host.state, proc.pid)) {
      if (sh.program === "cron-shell" && !hasChild(host.state, sh.pid)) host.terminate(sh, 0, Number(sh.params?.exitCode ?? 0));
    }
    if (hasChild(host.state, proc.pid)) return;
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
    if (hasChild(host.state, proc.pid)) return;
    host.terminate(proc, 0, Number(proc.params?.exitCode ?? 0));
  },
};

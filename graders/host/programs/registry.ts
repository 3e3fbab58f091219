import { apiServer } from "./api-server.ts";
import { appServer } from "./app-server.ts";
import { billingApi } from "./billing-api.ts";
import type { Program } from "./types.ts";

/** Behaviour by name; processes without a program just sit in the table (sshd, cron, ...). */
const PROGRAMS: Record<string, Program> = {
  "api-server": apiServer,
  "app-server": appServer,
  "billing-api": billingApi,
  idle: {},
  // Stock daemons (cron, sshd, journald, ...) reload their configuration on SIGHUP instead of dying.
  daemon: { onSignal: (_host, _proc, sig) => sig === 1 },
  // systemd as pid 1 handles or ignores every catchable signal.
  init: { onSignal: () => true },
};

export function programFor(name: string): Program {
  const program = PROGRAMS[name];
  if (!program) throw new Error(`unknown program ${name}`);
  return program;
}

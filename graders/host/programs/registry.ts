import { apiServer } from "./api-server.ts";
import { appServer } from "./app-server.ts";
import { billingApi } from "./billing-api.ts";
import { backupGzip, backupTar } from "./backup-tar.ts";
import { ioLatencyApi } from "./io-latency-api.ts";
import { releaseApp } from "./release-app.ts";
import { uploadApp } from "./upload-app.ts";
import { timesyncd } from "./timesyncd.ts";
import { signingApp } from "./signing-app.ts";
import { cacheWarmer } from "./cache-warmer.ts";
import { queueWorker } from "./queue-worker.ts";
import { sessionApp } from "./session-app.ts";
import { cronDaemon } from "./cron/daemon.ts";
import { cronSession, cronShell } from "./cron/session.ts";
import { cpuSpin, writeFileJob } from "./cron/behaviours.ts";
import { thumbConvert, thumbd } from "./thumbd.ts";
import { debugDump } from "./cron/dump.ts";
import { nginx } from "./nginx.ts";
import { pythonHttpServer } from "./python/http-server.ts";
import { netApp } from "./net-app.ts";
import { resolvedProgram } from "../net/resolved.ts";
import type { Program } from "./types.ts";

/** Behaviour by name; processes without a program just sit in the table (sshd, cron, ...). */
const PROGRAMS: Record<string, Program> = {
  "api-server": apiServer,
  "app-server": appServer,
  "billing-api": billingApi,
  "release-app": releaseApp,
  "upload-app": uploadApp,
  timesyncd,
  "signing-app": signingApp,
  "cache-warmer": cacheWarmer,
  "backup-tar": backupTar,
  "backup-gzip": backupGzip,
  "io-latency-api": ioLatencyApi,
  "queue-worker": queueWorker,
  "session-app": sessionApp,
  // cron and the processes of the jobs it runs (services/cron/).
  cron: cronDaemon,
  "cron-session": cronSession,
  "cron-shell": cronShell,
  "cpu-spin": cpuSpin,
  "write-file": writeFileJob,
  "debug-dump": debugDump,
  thumbd,
  "thumb-convert": thumbConvert,
  nginx,
  "python-http-server": pythonHttpServer,
  "net-app": netApp,
  "systemd-resolved": resolvedProgram,
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

import { createBaseHost } from "../state/debian.ts";
import * as fs from "../state/fs.ts";
import { Host } from "../state/host.ts";
import { hash32, randInt, randPick } from "../state/rng.ts";
import { userByName } from "../state/users.ts";
import { restartUnit, startUnit } from "../services/systemd.ts";
import { installUnit } from "../services/units.ts";
import { configError } from "../programs/app-server.ts";
import { httpStatus, unitRunning } from "./checks.ts";
import type { Check, ScenarioDefinition } from "./types.ts";
import { prodHostname, serviceAccount } from "./naming.ts";
import { appServerUnit } from "./app-unit.ts";

/**
 * config-permission-denied: a colleague edited /etc/app/config.yml in /tmp
 * and moved it into place with sudo. mv keeps the new file's owner and mode,
 * so the config is now root:root 0600, and app-server, which runs as `app`,
 * cannot open it: it exits 1 at start and Restart=always keeps it in a crash
 * loop. Giving `app` read access (chgrp app + 0640, chown app, even 0644)
 * fixes it, and the next automatic restart comes up; chmod 777/o+w "fixes"
 * it by letting anyone rewrite the app's config, and User=root hides it.
 */

const UID = 102;
const GID = 108;
const CONFIG = "/etc/app/config.yml";
const LOG = "/var/log/app/app.log";

function unitText(port: number, restartSec: number): string {
  return appServerUnit({ execStart: `/usr/local/bin/app-server --config ${CONFIG} --port ${port} --log ${LOG}`, restartSec });
}

function configText(port: number, dbHost: string, password: string, pool: number, level: string, timeout: number): string {
  return `# app-server configuration
server:
  listen: ":${port}"
  read_timeout: ${timeout}s
  write_timeout: ${timeout}s

database:
  host: ${dbHost}
  port: 5432
  name: app
  user: app
  password: "${password}"
  pool_size: ${pool}

log:
  file: ${LOG}
  level: ${level}
`;
}

function portOf(host: Host): number {
  return Number(host.state.units["app.service"]?.params.port ?? 0);
}

function build(seed: number): Host {
  const nowMs = Date.UTC(2026, 10, 25, 15, 5) + (seed % 91) * 60_000;
  const h = hash32("config-permission-denied", seed);
  const hostname = prodHostname(h, ["app", "orders", "shop"], 5);
  const state = createBaseHost({
    seed, hostname, nowMs, rootGiB: 20,
    ...serviceAccount("app", UID, GID),
  });
  const host = new Host(state);
  const longAgo = nowMs - randInt(state, 40, 200) * 86400_000;
  const port = randPick(state, [8080, 8000, 8081, 9000, 3000]);
  const restartSec = randPick(state, [10, 15, 20]);
  const dbHost = `${randPick(state, ["db", "pg", "postgres"])}-0${randInt(state, 1, 3)}.internal`;
  const alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const password = Array.from({ length: 18 }, () => alphabet[randInt(state, 0, alphabet.length - 1)]).join("");
  const pool = randPick(state, [10, 20, 25]);
  const timeout = randPick(state, [5, 10, 15]);

  const bin = fs.createFile(state, fs.ROOT, "/usr/local/bin/app-server", "", { mode: 0o755, mtimeMs: longAgo });
  bin.genBytes = 14_389_248;
  fs.mkdir(state, fs.ROOT, "/var/log/app", { uid: UID, gid: GID, mode: 0o755, mtimeMs: longAgo });
  fs.mkdir(state, fs.ROOT, "/etc/app", { mode: 0o755, mtimeMs: longAgo });
  // How the service is meant to read its settings: root owns them, the app's group may read them.
  fs.createFile(state, fs.ROOT, CONFIG, configText(port, dbHost, password, pool, "info", timeout), { gid: GID, mode: 0o640, mtimeMs: longAgo });
  fs.createFile(state, fs.ROOT, "/etc/app/logging.yml", "format: json\nsampling:\n  initial: 100\n  thereafter: 100\n", { gid: GID, mode: 0o640, mtimeMs: longAgo });

  const unit = installUnit(host, {
    name: "app.service", path: "/etc/systemd/system/app.service", text: unitText(port, restartSec), program: "app-server", mtimeMs: longAgo,
    params: { logFile: LOG, port, bytesPerSec: randInt(state, 2_000, 6_000), cpuShare: 0.03, vszKb: 1_254_112 },
    memoryKb: randInt(state, 70_000, 110_000),
  });
  state.clock.nowMs = nowMs - randInt(state, 2, 9) * 86400_000 - randInt(state, 0, 86400) * 1000;
  startUnit(host, unit);
  if (unit.activeState !== "active") throw new Error("app.service did not start while building the scenario");
  const log = fs.resolve(state, fs.ROOT, LOG).inode;
  if (log.kind === "file") log.genBytes = randInt(state, 20, 80) * 1024 * 1024;

  // A colleague raised the log level: edited a copy in /tmp and moved it over the original.
  const editAt = nowMs - randInt(state, 12, 25) * 60_000;
  let sudoPid = randInt(state, 20_000, 30_000);
  const sudo = (cmd: string, at: number): void => {
    state.clock.nowMs = at;
    const pid = (sudoPid += randInt(state, 3, 40));
    host.log({ ident: "sudo", pid, unit: null, priority: 5, message: `   admin : TTY=pts/2 ; PWD=/tmp ; USER=root ; COMMAND=${cmd}` });
    host.log({ ident: "sudo", pid, unit: null, priority: 6, message: "pam_unix(sudo:session): session opened for user root(uid=0) by admin(uid=1000)" });
    host.log({ ident: "sudo", pid, unit: null, priority: 6, message: "pam_unix(sudo:session): session closed for user root" });
  };
  sudo(`/usr/bin/cp ${CONFIG} /tmp/config.yml`, editAt);
  sudo("/usr/bin/vi /tmp/config.yml", editAt + randInt(state, 5, 20) * 1000);
  const moveAt = editAt + randInt(state, 60, 180) * 1000;
  sudo(`/usr/bin/mv /tmp/config.yml ${CONFIG}`, moveAt);
  // The file root created in /tmp (umask 077 in root's shell) replaces the original, owner and mode included.
  fs.unlink(state, fs.ROOT, CONFIG);
  fs.createFile(state, fs.ROOT, CONFIG, configText(port, dbHost, password, pool, "debug", timeout), { mode: 0o600, mtimeMs: moveAt - 30_000 });
  sudo("/usr/bin/systemctl restart app", moveAt + randInt(state, 5, 20) * 1000);
  restartUnit(host, unit);
  // Restart=always: it has been crash-looping since.
  host.advance(Math.max(0, nowMs - state.clock.nowMs));
  state.clock.nowMs = nowMs;
  if (unit.restarts < 5) throw new Error("app.service is not crash-looping");
  return host;
}

const runsAsApp: Check = {
  name: "app.service still runs as its unprivileged user",
  test: (host) => {
    const u = host.state.units["app.service"];
    const proc = u?.mainPid != null ? host.state.procs[u.mainPid] : undefined;
    return proc !== undefined && proc.uid === UID;
  },
};

/** The next start (a deploy, a reboot) must work too: the app can read the file now. */
const wouldRestart: Check = {
  name: "app.service would start again after a restart",
  test: (host) => {
    const user = userByName(host.state, "app");
    return user !== undefined && configError(host, user, CONFIG) === null;
  },
};

const notWorldWritable: Check = {
  name: `${CONFIG} is not world-writable`,
  test: (host) => {
    const found = fs.tryResolve(host.state, fs.ROOT, CONFIG);
    return found !== null && (found.inode.mode & 0o002) === 0;
  },
};

export const configPermissionDenied: ScenarioDefinition = {
  slug: "config-permission-denied",
  title: "The app keeps restarting",
  build,
  checks: [
    unitRunning("app.service", "app.service is running"),
    { name: "The app answers its health check", test: (host) => httpStatus(portOf(host), "/health", 200, "").test(host) },
    runsAsApp,
    wouldRestart,
    notWorldWritable,
  ],
  referenceFix: () => [
    `sudo chown root:app ${CONFIG}`,
    `sudo chmod 640 ${CONFIG}`,
    "sudo systemctl restart app",
  ],
};

import { createBaseHost } from "../state/debian.ts";
import * as fs from "../state/fs.ts";
import { Host } from "../state/host.ts";
import { hash32, randInt } from "../state/rng.ts";
import { availableBlocks } from "../state/usage.ts";
import { generatorLineWidth } from "../state/generators.ts";
import { startUnit } from "../services/systemd.ts";
import { installUnit } from "../services/units.ts";
import { diskBelow, httpStatus, unitRunning } from "./checks.ts";
import type { ScenarioDefinition } from "./types.ts";
import { prodHostname, serviceAccount } from "./naming.ts";
import { appServerUnit } from "./app-unit.ts";

/**
 * disk-full-deleted-log: app.service's log filled /, someone deleted
 * /var/log/app/app.log to make room, and nothing came back because the app
 * still holds the file open. df says 100 %, du finds almost nothing, the
 * rotated logs are small change. Restarting the app (or truncating the file
 * through /proc/PID/fd/N) really frees the space.
 */

const APP_UID = 102;
const APP_GID = 108;
const LOG = "/var/log/app/app.log";
const UNIT_TEXT = appServerUnit({ execStart: `/usr/local/bin/app-server --port 8080 --log ${LOG}`, restartSec: 1 });

const MIB = 1024 * 1024;

function build(seed: number): Host {
  const nowMs = Date.UTC(2026, 10, 25, 8, 30) + (seed % 97) * 60_000;
  // The name comes from the seed directly: the host's own random sequence starts once it exists.
  const h = hash32("disk-full-deleted-log", seed);
  const hostname = prodHostname(h, ["api", "app", "web"], 4);
  const state = createBaseHost({
    seed, hostname, nowMs, rootGiB: 20,
    ...serviceAccount("app", APP_UID, APP_GID),
  });
  const host = new Host(state);
  const longAgo = nowMs - randInt(state, 40, 120) * 86400_000;
  const bin = fs.createFile(state, fs.ROOT, "/usr/local/bin/app-server", "", { mode: 0o755, mtimeMs: longAgo });
  bin.genBytes = 14_389_248;
  fs.mkdir(state, fs.ROOT, "/var/log/app", { uid: APP_UID, gid: APP_GID, mode: 0o755, mtimeMs: longAgo });

  // logrotate's leftovers: one plain day and four gzipped ones, megabytes against a 20 GB disk.
  const rotatedAt = (days: number): number => Date.UTC(2026, 10, 25) - days * 86400_000 + 6 * 3600_000 + 25 * 60_000;
  const plain = fs.createFile(state, fs.ROOT, `${LOG}.1`, "", { uid: APP_UID, gid: APP_GID, mode: 0o640, mtimeMs: rotatedAt(1) });
  plain.genBytes = randInt(state, 30, 90) * MIB + randInt(state, 0, MIB);
  plain.gen = { name: "access-log", params: { startMs: rotatedAt(2), stepMs: 40, seed: seed + 1 } };
  for (let i = 2; i <= 5; i++) {
    const gz = fs.createFile(state, fs.ROOT, `${LOG}.${i}.gz`, "", { uid: APP_UID, gid: APP_GID, mode: 0o640, mtimeMs: rotatedAt(i) });
    gz.genBytes = randInt(state, 3, 9) * MIB + randInt(state, 0, MIB);
  }

  const unit = installUnit(host, {
    name: "app.service", path: "/etc/systemd/system/app.service", text: UNIT_TEXT, program: "app-server", mtimeMs: longAgo,
    params: { logFile: LOG, port: 8080, bytesPerSec: randInt(state, 30_000, 60_000), cpuShare: 0.03, vszKb: 1_254_112 },
    memoryKb: randInt(state, 70_000, 110_000),
  });

  // The app has been up for days; its log grew since the last rotation.
  const startedAt = nowMs - randInt(state, 2, 6) * 86400_000 - randInt(state, 0, 86400) * 1000;
  state.clock.nowMs = startedAt;
  startUnit(host, unit);
  const proc = state.procs[unit.mainPid ?? -1];
  if (!proc) throw new Error("app.service did not start while building the scenario");

  // The disk filled up; a while ago someone removed the live log by hand.
  const fullAt = nowMs - randInt(state, 50, 110) * 60_000;
  const deletedAt = fullAt + randInt(state, 5, 20) * 60_000;
  const log = fs.resolve(state, fs.ROOT, LOG).inode;
  if (log.kind !== "file") throw new Error("app log is not a file");
  const rootMount = state.fs.mounts[0];
  if (!rootMount) throw new Error("no root mount");
  log.genBytes = availableBlocks(state.fs, rootMount, false) * rootMount.blockSize;
  // Lines are spaced so the log runs from the app's start to the moment the disk filled,
  // and the app's write rate is the one that filled it.
  const since = Date.UTC(2026, 10, 25) + 6 * 3600_000 + 25 * 60_000 - 86400_000;
  const lines = log.genBytes / generatorLineWidth({ name: "access-log", params: { startMs: 0, stepMs: 0, seed } });
  log.gen = { name: "access-log", params: { startMs: since, stepMs: (fullAt - since) / lines, seed } };
  proc.params = { ...proc.params, bytesPerSec: Math.round(log.genBytes / ((fullAt - since) / 1000)) };
  log.mtimeMs = nowMs - 1000;
  state.clock.nowMs = fullAt;
  host.log({ ident: "app-server", pid: proc.pid, unit: "app.service", priority: 3, message: `ERROR write ${LOG}: no space left on device` });
  state.clock.nowMs = deletedAt;
  const sudoPid = randInt(state, 20_000, 30_000);
  host.log({ ident: "sudo", pid: sudoPid, unit: null, priority: 5, message: `   admin : TTY=pts/0 ; PWD=/var/log/app ; USER=root ; COMMAND=/usr/bin/rm app.log` });
  host.log({ ident: "sudo", pid: sudoPid, unit: null, priority: 6, message: "pam_unix(sudo:session): session opened for user root(uid=0) by admin(uid=1000)" });
  host.log({ ident: "sudo", pid: sudoPid, unit: null, priority: 6, message: "pam_unix(sudo:session): session closed for user root" });
  fs.unlink(state, fs.ROOT, LOG);
  for (let t = deletedAt + 60_000; t < nowMs; t += randInt(state, 4, 9) * 60_000) {
    host.log({ tsMs: t, ident: "app-server", pid: proc.pid, unit: "app.service", priority: 3, message: `ERROR write ${LOG}: no space left on device` });
  }
  // The program's own "already reported" flag, so it does not log again on the first tick.
  proc.params = { ...proc.params, diskFull: 1 };
  state.clock.nowMs = nowMs;
  return host;
}

export const diskFullDeletedLog: ScenarioDefinition = {
  slug: "disk-full-deleted-log",
  title: "The API is failing and the disk is full",
  build,
  checks: [
    diskBelow("/", 90, "Disk usage on / is below 90%"),
    unitRunning("app.service", "app.service is running"),
    httpStatus(8080, "/health", 200, "http://localhost:8080/health answers 200"),
  ],
  referenceFix: () => ["sudo systemctl restart app"],
};

import { createBaseHost } from "../state/debian.ts";
import * as fs from "../state/fs.ts";
import { Host } from "../state/host.ts";
import { hash32, randInt, randPick } from "../state/rng.ts";
import { mountUsage } from "../state/usage.ts";
import type { DirInode } from "../state/types.ts";
import { startUnit } from "../services/systemd.ts";
import { installUnit } from "../services/units.ts";
import { httpStatus } from "./checks.ts";
import type { Check, ScenarioDefinition } from "./types.ts";
import { prodHostname, serviceAccount } from "./naming.ts";

/**
 * inode-exhaustion: webapp keeps one small file per login session in
 * /var/lib/app/sessions and relies on an hourly cron job to delete expired
 * ones. A release moved the directory (it used to be .../session) and the
 * cron line was never updated, so for weeks nothing was deleted: over a
 * million tiny files now hold every inode of /. `df -h` shows plenty of
 * space, `df -i` shows 100 %, and every login fails with ENOSPC ("no space
 * left on device", the same errno ext4 returns for no free inodes).
 *
 * Fixed: inode use under 90 %, the directory still there and owned by app
 * with the sessions of currently active users in it, and the app healthy.
 * `rm -rf` of the directory loses everyone's session and is not a fix.
 */

const APP_UID = 102;
const APP_GID = 108;
const DIR = "/var/lib/app/sessions";
const UNIT = "webapp.service";
const PREFIX = "sess_";

function unitText(port: number): string {
  return `[Unit]
Description=Web application
After=network-online.target
Wants=network-online.target

[Service]
Type=simple
User=app
Group=app
ExecStart=/usr/local/bin/webapp --listen :${port} --session-dir ${DIR}
Restart=on-failure

[Install]
WantedBy=multi-user.target
`;
}

/** The cleanup job as it was written for the old layout: the path lost its "s" in release 3.0. */
function cronText(minute: number): string {
  return `# Expire web sessions idle for more than a day; webapp never deletes them itself.
SHELL=/bin/sh
PATH=/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin

${minute} * * * * app find /var/lib/app/session -type f -mmin +1440 -delete
`;
}

function params(host: Host): Record<string, string | number> {
  return host.state.units[UNIT]?.params ?? {};
}

function sessionsDir(host: Host): DirInode | null {
  const found = fs.tryResolve(host.state, fs.ROOT, DIR, false);
  return found && found.inode.kind === "dir" ? found.inode : null;
}

function build(seed: number): Host {
  const nowMs = Date.UTC(2026, 10, 27, 10, 5) + (seed % 97) * 60_000;
  const h = hash32("inode-exhaustion", seed);
  const hostname = prodHostname(h, ["web", "www", "portal"], 4);
  const state = createBaseHost({
    seed, hostname, nowMs, rootGiB: 20,
    ...serviceAccount("app", APP_UID, APP_GID, "/var/lib/app"),
  });
  const host = new Host(state);
  const longAgo = nowMs - randInt(state, 150, 300) * 86400_000;
  const port = randPick(state, [8080, 8000, 3000, 9000]);
  // When the release that renamed the directory went out, and when the last inode went.
  const brokeAt = nowMs - randInt(state, 35, 63) * 86400_000 - randInt(state, 0, 86400) * 1000;
  const fullAt = nowMs - randInt(state, 15, 50) * 60_000;

  fs.createFile(state, fs.ROOT, "/usr/local/bin/webapp", "", { mode: 0o755, mtimeMs: brokeAt }).genBytes = 17_842_176;
  fs.mkdir(state, fs.ROOT, "/var/lib/app", { uid: APP_UID, gid: APP_GID, mode: 0o750, mtimeMs: longAgo });
  const dir = fs.mkdir(state, fs.ROOT, DIR, { uid: APP_UID, gid: APP_GID, mode: 0o700, mtimeMs: fullAt });
  const cronMinute = randPick(state, [7, 23, 43, 52]);
  fs.createFile(state, fs.ROOT, "/etc/cron.d/webapp-sessions", cronText(cronMinute), { mtimeMs: longAgo });

  const unit = installUnit(host, {
    name: UNIT, path: `/etc/systemd/system/${UNIT}`, text: unitText(port), program: "session-app", mtimeMs: brokeAt,
    params: { port, dir: DIR, loginsPerMin: randInt(state, 4, 12), activeMs: 45 * 60_000, cpuShare: 0.04, vszKb: 1_312_640 },
    memoryKb: randInt(state, 60_000, 90_000),
  });
  // The release went out weeks ago; the VM last rebooted a few days ago.
  state.clock.nowMs = state.clock.bootMs + 7_300;
  startUnit(host, unit);
  state.clock.nowMs = fullAt;

  // Every inode left goes to session files: the stale ones from weeks of logins, then the live ones.
  const root = state.fs.mounts[dir.dev];
  if (!root) throw new Error("no root mount");
  const live = randInt(state, 250, 600);
  const stale = root.totalInodes - mountUsage(state.fs, root).usedInodes - live;
  const firstId = randInt(state, 2_000_000, 6_000_000);
  const staleEnd = fullAt - 70 * 60_000;
  dir.bulk = [
    {
      prefix: PREFIX, start: firstId, end: firstId + stale, size: randPick(state, [143, 151, 167]), uid: APP_UID, gid: APP_GID, mode: 0o600,
      mtimeMs: brokeAt - firstId * Math.floor((staleEnd - brokeAt) / stale), mtimeStepMs: Math.floor((staleEnd - brokeAt) / stale),
    },
    { prefix: PREFIX, start: firstId + stale, end: firstId + stale + live, size: randPick(state, [171, 188, 203]), uid: APP_UID, gid: APP_GID, mode: 0o600, mtimeMs: fullAt, mtimeStepMs: 0 },
  ];
  // A directory of a million entries is itself tens of megabytes of htree blocks.
  dir.extraBlocks = Math.ceil(((stale + live) * 28) / 4096);
  unit.params = { ...unit.params, liveFrom: firstId + stale, liveTo: firstId + stale + live, nextId: firstId + stale + live };
  const proc = unit.mainPid !== null ? state.procs[unit.mainPid] : undefined;
  if (!proc) throw new Error("webapp did not start while building the scenario");
  proc.params = { ...unit.params };
  if (mountUsage(state.fs, root).usedInodes !== root.totalInodes) throw new Error("the session files do not fill the inode table");

  cronHistory(host, cronMinute, nowMs - 24 * 3600_000, nowMs);
  host.advance(nowMs - state.clock.nowMs);
  return host;
}

/** The last day of the cleanup job: it runs, finds nothing at the old path, and cron has no MTA to mail the error to. */
function cronHistory(host: Host, minute: number, sinceMs: number, untilMs: number): void {
  const s = host.state;
  const hour = 3600_000;
  for (let t = sinceMs - (sinceMs % hour) + minute * 60_000; t < untilMs; t += hour) {
    if (t < sinceMs) continue;
    const pid = randInt(s, 3000, 60_000);
    host.log({ tsMs: t, ident: "CRON", pid, unit: "cron.service", priority: 6, message: `pam_unix(cron:session): session opened for user app(uid=${APP_UID}) by (uid=0)` });
    host.log({ tsMs: t, ident: "CRON", pid: pid + 1, unit: "cron.service", priority: 6, message: "(app) CMD (find /var/lib/app/session -type f -mmin +1440 -delete)" });
    host.log({ tsMs: t + 30, ident: "CRON", pid, unit: "cron.service", priority: 6, message: "(CRON) info (No MTA installed, discarding output)" });
    host.log({ tsMs: t + 31, ident: "CRON", pid, unit: "cron.service", priority: 6, message: "pam_unix(cron:session): session closed for user app" });
  }
}

const inodesFree: Check = {
  name: "Inode use on / is below 90 %",
  test: (host) => {
    const root = fs.mountForPath(host.state, DIR);
    return mountUsage(host.state.fs, root).usedInodes < root.totalInodes * 0.9;
  },
};

const dirKept: Check = {
  name: `${DIR} exists and belongs to app`,
  test: (host) => {
    const dir = sessionsDir(host);
    return dir !== null && dir.uid === APP_UID && (dir.mode & 0o700) === 0o700;
  },
};

/** Deleting the files of users active in the last hour logs them all out. */
const liveKept: Check = {
  name: "Sessions of users active in the last hour are still there",
  test: (host) => {
    const dir = sessionsDir(host);
    if (!dir) return false;
    const from = Number(params(host).liveFrom);
    const to = Number(params(host).liveTo);
    let present = 0;
    for (const range of dir.bulk ?? []) present += Math.max(0, Math.min(range.end, to) - Math.max(range.start, from));
    return present === to - from;
  },
};

export const inodeExhaustion: ScenarioDefinition = {
  slug: "inode-exhaustion",
  title: "No space left on device, but the disk is empty",
  build,
  checks: [
    inodesFree,
    dirKept,
    liveKept,
    { name: "webapp answers its health check", test: (host) => httpStatus(Number(params(host).port), "/health", 200, "").test(host) },
  ],
  referenceFix: () => [
    `sudo find ${DIR} -type f -mmin +1440 -delete`,
    "sudo sed -i 's#/var/lib/app/session #/var/lib/app/sessions #' /etc/cron.d/webapp-sessions",
  ],
};

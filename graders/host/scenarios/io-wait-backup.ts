import { createBaseHost } from "../state/debian.ts";
import * as fs from "../state/fs.ts";
import { Host } from "../state/host.ts";
import { spawn, type SpawnSpec } from "../state/procs.ts";
import { hash32, randInt, randPick } from "../state/rng.ts";
import type { Proc } from "../state/types.ts";
import { startUnit } from "../services/systemd.ts";
import { installUnit } from "../services/units.ts";
import { installPackage } from "../net/packages.ts";
import { httpStatus } from "./checks.ts";
import type { Check, ScenarioDefinition } from "./types.ts";
import { prodHostname, serviceAccount } from "./naming.ts";

/**
 * io-wait-backup: the daily `tar czf` of /srv/data was moved from 03:00 to
 * 13:00 "for a few weeks" and now runs in business hours. It reads as fast as
 * gzip can compress, which is nearly all this throughput-limited volume can
 * do; catalog-api's small random reads queue behind it, its p99 goes past a
 * second and its health check reports degraded. CPU is mostly idle; iostat
 * shows 100 %util and long awaits, vmstat a task in D and iowait, and
 * /proc/PID/io names the reader.
 *
 * Fixed: the API is within its latency budget, today's backup is not lost
 * (still running, not stopped, or finished), and the next run will not do
 * it again (ionice'd, or back in the night). With mq-deadline, ionice -c3 on
 * tar is what helps; renice or best-effort level 7 change nothing.
 */

const UID = 104;
const GID = 111;
const UNIT = "catalog-api.service";
const CRON_FILE = "/etc/cron.d/backup-data";
const SCRIPT = "/usr/local/sbin/backup-data";
const LAST = "/var/backups/.last-success";
const LIMITS = { nofile: [1024, 524288] as [number, number], nproc: [7609, 7609] as [number, number] };

const SCRIPT_TEXT = `#!/bin/bash
# Daily backup of /srv/data; archives older than a week are removed.
set -euo pipefail
DEST=/var/backups
ARCHIVE="$DEST/data-$(date +%F).tar.gz"
logger -t backup-data "starting backup of /srv/data to $ARCHIVE"
start=$(date +%s)
tar czf "$ARCHIVE" -C /srv data
find "$DEST" -name 'data-*.tar.gz' -mtime +7 -delete
echo "$ARCHIVE" > "$DEST/.last-success"
logger -t backup-data "backup finished: $ARCHIVE ($(du -h "$ARCHIVE" | cut -f1)) in $(( ($(date +%s) - start) / 60 ))m"
`;

function cronText(ticket: number): string {
  return `# Daily backup of /srv/data.
# OPS-${ticket}: moved from 03:00 to 13:00 while the night window is used by the DB migration. Move back afterwards.
SHELL=/bin/sh
PATH=/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin

0 13 * * * root ${SCRIPT}
`;
}

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function archiveFor(ms: number): string {
  return `/var/backups/data-${day(ms)}.tar.gz`;
}

function portOf(host: Host): number {
  return Number(host.state.units[UNIT]?.params.port ?? 0);
}

export function backupProcs(host: Host): Proc[] {
  return Object.values(host.state.procs).filter((p) => p.program === "backup-tar" && p.state !== "Z");
}

function build(seed: number): Host {
  const h = hash32("io-wait-backup", seed);
  const startMs = Date.UTC(2026, 10, 26, 13, 0, 1);
  const nowMs = startMs + (14 + (h % 20)) * 60_000 + (seed % 50) * 1000;
  const hostname = prodHostname(h, ["catalog", "search", "media"], 4);
  const state = createBaseHost({
    seed, hostname, nowMs, rootGiB: 400,
    ...serviceAccount("catalog", UID, GID),
  });
  const host = new Host(state);
  // A throughput-limited network volume (pd-standard/st1 class): fine for the API alone, not next to a backup.
  state.disk = { maxKbps: 61_440, maxIops: 500 };
  const longAgo = nowMs - randInt(state, 100, 300) * 86400_000;
  installPackage(state, "sysstat", longAgo);
  const port = randPick(state, [8080, 8081, 9090]);
  const totalKb = randInt(state, 110, 170) * 1024 * 1024;
  const ticket = randInt(state, 1200, 4800);

  fs.createFile(state, fs.ROOT, "/usr/local/bin/catalog-api", "", { mode: 0o755, mtimeMs: longAgo }).genBytes = 19_718_144;
  if (!fs.tryResolve(state, fs.ROOT, "/usr/local/sbin")) fs.mkdir(state, fs.ROOT, "/usr/local/sbin", { mode: 0o755, mtimeMs: longAgo });
  fs.createFile(state, fs.ROOT, SCRIPT, SCRIPT_TEXT, { mode: 0o755, mtimeMs: longAgo });
  const movedAt = nowMs - randInt(state, 4, 12) * 86400_000;
  fs.createFile(state, fs.ROOT, CRON_FILE, cronText(ticket), { mtimeMs: movedAt });
  if (!fs.tryResolve(state, fs.ROOT, "/srv")) fs.mkdir(state, fs.ROOT, "/srv", { mtimeMs: longAgo });
  const data = fs.mkdir(state, fs.ROOT, "/srv/data", { uid: UID, gid: GID, mtimeMs: nowMs - 60_000 });
  data.extraBlocks = Math.ceil(totalKb / 4);
  data.extraInodes = randInt(state, 150_000, 400_000);
  fs.mkdir(state, fs.ROOT, "/srv/data/objects", { uid: UID, gid: GID, mtimeMs: nowMs - 60_000 });
  const packPath = `/srv/data/objects/pack-${randInt(state, 100, 999)}.bin`;
  const pack = fs.createFile(state, fs.ROOT, packPath, "", { uid: UID, gid: GID, mode: 0o640, mtimeMs: nowMs - 3600_000 });
  pack.genBytes = randInt(state, 400, 900) * 1024 * 1024;
  if (!fs.tryResolve(state, fs.ROOT, "/var/backups")) fs.mkdir(state, fs.ROOT, "/var/backups", { mtimeMs: longAgo });
  // The two previous days' archives, made at 13:00 too; the API complained through both.
  for (const back of [2, 1]) {
    const at = startMs - back * 86400_000;
    const took = randInt(state, 41, 55) * 60_000;
    const a = fs.createFile(state, fs.ROOT, archiveFor(at), "", { mtimeMs: at + took });
    a.genBytes = Math.round((totalKb - back * randInt(state, 200, 900) * 1024) * 0.31 * 1024);
    history(host, at, took, back === 1);
  }
  fs.createFile(state, fs.ROOT, LAST, `${archiveFor(startMs - 86400_000)}\n`, { mtimeMs: startMs - 86400_000 + 50 * 60_000 });

  const unit = installUnit(host, {
    name: UNIT, path: `/etc/systemd/system/${UNIT}`, program: "io-latency-api", mtimeMs: longAgo,
    text: `[Unit]\nDescription=Catalog API\nAfter=network-online.target\nWants=network-online.target\n\n[Service]\nUser=catalog\nGroup=catalog\nExecStart=/usr/local/bin/catalog-api --listen :${port} --data /srv/data\nRestart=on-failure\n\n[Install]\nWantedBy=multi-user.target\n`,
    params: { port, readKbPerSec: 2_000, ioReqKb: 16, requestsPerMin: randInt(state, 400, 900), cpuShare: 0.06, vszKb: 1_402_880 },
    memoryKb: randInt(state, 120_000, 180_000),
  });
  state.clock.nowMs = state.clock.bootMs + 7_900;
  startUnit(host, unit);

  state.clock.nowMs = startMs;
  startBackup(host, totalKb, pack.ino, packPath);
  host.advance(nowMs - state.clock.nowMs);
  if (backupProcs(host).length !== 1) throw new Error("the backup is not running while building the scenario");
  return host;
}

/** The job's lines of an earlier day, and the API's complaints while it ran. */
function history(host: Host, at: number, took: number, recent: boolean): void {
  const s = host.state;
  const cron = randInt(s, 3000, 60_000);
  const log = (tsMs: number, ident: string, pid: number, unit: string | null, priority: number, message: string): void => host.log({ tsMs, ident, pid, unit, priority, message });
  log(at - 1000, "CRON", cron, "cron.service", 6, "pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)");
  log(at - 1000, "CRON", cron + 1, "cron.service", 6, `(root) CMD (${SCRIPT})`);
  log(at, "backup-data", cron + 5, "cron.service", 6, `starting backup of /srv/data to ${archiveFor(at)}`);
  log(at + took, "backup-data", cron + 11, "cron.service", 6, `backup finished: ${archiveFor(at)} (${randInt(s, 32, 50)}G) in ${Math.round(took / 60_000)}m`);
  log(at + took + 40, "CRON", cron, "cron.service", 6, "pam_unix(cron:session): session closed for user root");
  if (!recent) return;
  const api = s.units[UNIT]?.mainPid ?? randInt(s, 400, 900);
  for (let t = at + 60_000; t < at + took; t += 60_000) {
    const p99 = randInt(s, 900, 1900);
    log(t, "catalog-api", api, UNIT, 4, `WARN p99 latency ${p99}ms over the last 60s (${randInt(s, 400, 900)} requests, ${randInt(s, 5, 60)} timed out after 2s)`);
  }
  log(at + took + 60_000, "catalog-api", api, UNIT, 6, `INFO latency back to normal: p99 ${randInt(s, 21, 34)}ms`);
}

/** cron's job as the process tree shows it: CRON, sh -c, the script, tar, and gzip writing the archive. */
function startBackup(host: Host, totalKb: number, packIno: number, packPath: string): void {
  const s = host.state;
  const base = { env: {}, cwd: "/root", tty: null, nice: 0, rssGrowKbPerSec: 0, limits: LIMITS, uid: 0, gid: 0 };
  const crond = Object.values(s.procs).find((p) => p.comm === "cron" && p.ppid === 1);
  const mk = (spec: Omit<SpawnSpec, keyof typeof base> & Partial<SpawnSpec>): Proc => spawn(s, { ...base, ...spec } as SpawnSpec);
  const cron = mk({ ppid: crond?.pid ?? 1, comm: "cron", argv: ["/usr/sbin/CRON", "-f"], exe: "/usr/sbin/cron", cwd: "/", cpuShare: 0, vszKb: 6_608, rssKb: 2_816 });
  host.log({ ident: "CRON", pid: cron.pid, unit: "cron.service", priority: 6, message: "pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)" });
  host.log({ ident: "CRON", pid: cron.pid + 1, unit: "cron.service", priority: 6, message: `(root) CMD (${SCRIPT})` });
  const sh = mk({ ppid: cron.pid, comm: "sh", argv: ["/bin/sh", "-c", SCRIPT], exe: "/usr/bin/dash", cpuShare: 0, vszKb: 2_580, rssKb: 1_536, statFlags: "s" });
  const script = mk({ ppid: sh.pid, comm: "backup-data", argv: ["/bin/bash", SCRIPT], exe: "/usr/bin/bash", cpuShare: 0, vszKb: 6_940, rssKb: 3_328 });
  const archive = archiveFor(host.now);
  host.log({ ident: "backup-data", pid: script.pid + 2, unit: "cron.service", priority: 6, message: `starting backup of /srv/data to ${archive}` });
  const out = fs.createFile(s, fs.ROOT, archive, "", { mode: 0o644 });
  const pipe = 70_000 + script.pid;
  const tar = mk({
    ppid: script.pid, comm: "tar", argv: ["tar", "czf", archive, "-C", "/srv", "data"], exe: "/usr/bin/tar", state: "D", cpuShare: 0.09,
    vszKb: 9_812, rssKb: 3_904, ioReadKbPerSec: 55_000, program: "backup-tar",
    fds: {
      "0": { kind: "chr", path: "/dev/null", mode: "r" }, "1": { kind: "pipe", inode: pipe }, "2": { kind: "pipe", inode: pipe + 1 },
      "3": { kind: "file", ino: packIno, path: packPath, mode: "r", offset: 0 },
    },
  });
  const gzip = mk({
    ppid: tar.pid, comm: "gzip", argv: ["gzip"], exe: "/usr/bin/gzip", state: "R", cpuShare: 0.93, vszKb: 2_772, rssKb: 1_792,
    ioWriteKbPerSec: 17_000, program: "backup-gzip",
    fds: { "0": { kind: "pipe", inode: pipe }, "1": { kind: "file", ino: out.ino, path: archive, mode: "w", offset: 0 }, "2": { kind: "pipe", inode: pipe + 1 } },
  });
  const params = { archive, totalKb, doneKb: 0, startedMs: host.now, tarPid: tar.pid, gzipPid: gzip.pid, scriptPid: script.pid, shPid: sh.pid, cronPid: cron.pid, ioReqKb: 256 };
  tar.params = { ...params };
  gzip.params = { ...params };
}

const apiFast: Check = {
  name: "catalog-api answers its health check within its latency budget",
  test: (host) => httpStatus(portOf(host), "/health", 200, "").test(host),
};

/** A killed or stopped backup is a second incident: today's archive would be missing. */
const backupKept: Check = {
  name: "Today's backup is still running or has completed",
  test: (host) => {
    if (backupProcs(host).some((p) => p.state !== "T")) return true;
    const found = fs.tryResolve(host.state, fs.ROOT, LAST);
    return found !== null && found.inode.kind === "file" && found.inode.text.includes(archiveFor(host.now));
  },
};

const IDLE_CLASS = /ionice\s+(-c\s*3|-c\s*idle|--class[= ]idle)\b/;

/** The job as cron will start it next: in the night, or in the idle I/O class (in the cron line or the script). */
const nextRunSafe: Check = {
  name: "The next scheduled backup will not starve the API",
  test: (host) => {
    const read = (path: string): string => {
      const f = fs.tryResolve(host.state, fs.ROOT, path);
      return f && f.inode.kind === "file" ? fs.readFileRange(f.inode, 0, 100_000) : "";
    };
    const script = read(SCRIPT);
    const scriptIdle = script.split("\n").some((l) => /\btar\b/.test(l) && IDLE_CLASS.test(l));
    const jobs = read(CRON_FILE).split("\n").filter((l) => l.includes("backup-data") && !l.trimStart().startsWith("#") && l.trim() !== "");
    if (jobs.length === 0) return false;
    return jobs.every((line) => {
      const hour = line.trim().split(/\s+/)[1] ?? "";
      const night = /^\d+$/.test(hour) && (Number(hour) <= 6 || Number(hour) >= 22);
      return night || IDLE_CLASS.test(line) || scriptIdle;
    });
  },
};

export const ioWaitBackup: ScenarioDefinition = {
  slug: "io-wait-backup",
  title: "The API is slow every afternoon",
  build,
  checks: [apiFast, backupKept, nextRunSafe],
  referenceFix: (host) => [
    `sudo ionice -c3 -p ${backupProcs(host)[0]?.pid ?? ""}`,
    `sudo sed -i 's# root ${SCRIPT}# root ionice -c3 ${SCRIPT}#' ${CRON_FILE}`,
  ],
};

import { createBaseHost } from "../state/debian.ts";
import * as fs from "../state/fs.ts";
import { Host } from "../state/host.ts";
import { hash32, randInt, randPick } from "../state/rng.ts";
import { mountUsage } from "../state/usage.ts";
import { strftime } from "../commands/date/strftime.ts";
import { loadedTables } from "../services/cron/database.ts";
import { diskBelow, future, unitRunning, usePercent } from "./checks.ts";
import type { Check, ScenarioDefinition } from "./types.ts";
import { prodHostname } from "./naming.ts";

/**
 * noisy-cron-fills-disk: during an incident two days ago someone added
 * /etc/cron.d/gw-debug, which dumps the gateway's connection table (about
 * 60 MB of JSON) into /var/tmp/gw-debug every five minutes, "temporarily".
 * Nobody removed it: / is nearly full and grows by another dump every five
 * minutes. Deleting the dumps alone buys hours; the job must go (or write
 * nowhere), and the nightly database backups next to it are not garbage.
 */

const CRON_FILE = "/etc/cron.d/gw-debug";
const DUMPER = "/usr/local/bin/gw-debug-dump";
const DUMP_DIR = "/var/tmp/gw-debug";
const BACKUPS = "/var/backups/db";
const BACKUP_JOB = "/usr/local/sbin/db-backup";
const DAY = 86400_000;
const MIB = 1024 * 1024;

function jobLine(every: number): string {
  return `# TEMP for INC-4821 (gateway connection leak): dump gateway state every ${every} minutes.\n# Remove when the incident is closed.  -- ops\n*/${every} * * * * root ${DUMPER} --all > ${DUMP_DIR}/state-$(date +\\%Y\\%m\\%d-\\%H\\%M).json 2>&1\n`;
}

function backupCount(host: Host): number {
  const dir = fs.tryResolve(host.state, fs.ROOT, BACKUPS);
  return dir && dir.inode.kind === "dir" ? Object.keys(dir.inode.entries).filter((n) => n.endsWith(".sql.gz")).length : 0;
}

function build(seed: number): Host {
  const nowMs = Date.UTC(2026, 10, 27, 9, 0) + (seed % 150) * 60_000 + 31_000;
  const h = hash32("noisy-cron-fills-disk", seed);
  const hostname = prodHostname(h, ["gw", "edge", "api-gw"], 4);
  // The last twenty minutes run live, so cron's own lines and the newest dumps are real.
  const liveFrom = nowMs - 21 * 60_000;
  const state = createBaseHost({ seed, hostname, nowMs: liveFrom, rootGiB: 30 });
  const host = new Host(state);
  state.nextPid = randInt(state, 12_000, 40_000);
  const longAgo = liveFrom - randInt(state, 60, 200) * DAY;
  const every = randPick(state, [5, 5, 10]);
  const dumpBytes = randInt(state, 48, 64) * MIB;
  const backups = 7;

  // The gateway's dumper, and the nightly database backups (legitimate, and large).
  const dumper = fs.createFile(state, fs.ROOT, DUMPER, "", { mode: 0o755, mtimeMs: longAgo });
  dumper.genBytes = 6_291_456;
  fs.mkdir(state, fs.ROOT, "/usr/local/sbin", { mtimeMs: longAgo });
  fs.createFile(state, fs.ROOT, BACKUP_JOB, "#!/bin/sh\n# Nightly logical backup of the gateway's config database; keeps 7 days.\nset -eu\numask 077\nout=/var/backups/db/gwconfig-$(date +%F).sql.gz\npg_dump --no-owner gwconfig | gzip > \"$out.tmp\" && mv \"$out.tmp\" \"$out\"\nfind /var/backups/db -name 'gwconfig-*.sql.gz' -mtime +7 -delete\n", { mode: 0o755, mtimeMs: longAgo });
  fs.mkdir(state, fs.ROOT, "/var/backups", { mtimeMs: longAgo });
  fs.mkdir(state, fs.ROOT, BACKUPS, { mode: 0o700, mtimeMs: liveFrom - 8 * 3600_000 });
  const today = Date.UTC(2026, 10, 27);
  for (let d = backups - 1; d >= 0; d--) {
    const day = today - d * DAY;
    const f = fs.createFile(state, fs.ROOT, `${BACKUPS}/gwconfig-${new Date(day).toISOString().slice(0, 10)}.sql.gz`, "", { mode: 0o600, mtimeMs: day + (90 + randInt(state, 2, 9)) * 60_000 });
    f.genBytes = randInt(state, 700, 1100) * MIB + randInt(state, 0, MIB);
  }
  fs.createFile(state, fs.ROOT, "/etc/cron.d/db-backup", `30 1 * * * root ${BACKUP_JOB}\n`, { mtimeMs: longAgo });

  // Two days of dumps every `every` minutes: as many as it took to bring / to the brink.
  const root = state.fs.mounts[0];
  if (!root) throw new Error("no root mount");
  const usedNow = mountUsage(state.fs, root).usedBlocks * root.blockSize;
  const capacity = (root.totalBlocks - root.reservedBlocks) * root.blockSize;
  const target = capacity * (randInt(state, 945, 960) / 1000);
  // Each dump is dumpBytes plus up to 4 MiB, 2 MiB on average.
  const count = Math.floor((target - usedNow) / (dumpBytes + 2 * MIB));
  const enabledAt = liveFrom - count * every * 60_000 - randInt(state, 1, every - 1) * 60_000;
  fs.mkdir(state, fs.ROOT, DUMP_DIR, { mtimeMs: enabledAt });
  const firstRun = Math.ceil(enabledAt / (every * 60_000)) * every * 60_000;
  let pid = randInt(state, 3000, 9000);
  for (let t = firstRun; t < liveFrom; t += every * 60_000) {
    const f = fs.createFile(state, fs.ROOT, `${DUMP_DIR}/state-${strftime("%Y%m%d-%H%M", t)}.json`, "", { mtimeMs: t + 3000 });
    pid += randInt(state, 40, 400);
    f.genBytes = dumpBytes + ((pid * 7919) % (4 * MIB));
    f.gen = { name: "debug-dump", params: { startMs: t + 1000, seed: pid } };
  }
  fs.createFile(state, fs.ROOT, CRON_FILE, jobLine(every), { mtimeMs: enabledAt });
  host.log({ tsMs: enabledAt - 30_000, ident: "sudo", pid: randInt(state, 20_000, 30_000), unit: null, priority: 5, message: `   admin : TTY=pts/0 ; PWD=/home/admin ; USER=root ; COMMAND=/usr/bin/tee ${CRON_FILE}` });
  state.execs = {
    [DUMPER]: { program: "debug-dump", params: { bytes: dumpBytes, jitter: 4 * MIB, runMs: randInt(state, 2, 6) * 1000, cpuShare: 0.4, rssKb: 182_000, vszKb: 412_000 } },
  };
  host.advance(nowMs - liveFrom);
  if (usePercent(host, "/") < 94) throw new Error(`expected / nearly full, got ${usePercent(host, "/").toFixed(1)}%`);
  return host;
}

const notGrowing: Check = {
  name: "/ is no longer filling up",
  test: (host) => usePercent(future(host, 25 * 60_000), "/") <= usePercent(host, "/") + 0.05,
};

const backupsKept: Check = {
  name: `The database backups in ${BACKUPS} are still there`,
  test: (host) => backupCount(host) >= 7,
};

const backupScheduled: Check = {
  name: "The nightly database backup is still scheduled",
  test: (host) => {
    // What cron will have loaded once it has looked at the files again.
    const later = future(host, 61_000);
    return later.state.units["cron.service"]?.activeState === "active" &&
      loadedTables(later).some((t) => t.parsed.entries.some((e) => e.command.includes(BACKUP_JOB)));
  },
};

export const noisyCronFillsDisk: ScenarioDefinition = {
  slug: "noisy-cron-fills-disk",
  title: "The disk fills up a little more every few minutes",
  build,
  checks: [diskBelow("/", 80, "Disk usage on / is below 80%"), notGrowing, unitRunning("cron.service", "cron is running"), backupsKept, backupScheduled],
  referenceFix: () => [`sudo rm ${CRON_FILE}`, `sudo rm -rf ${DUMP_DIR}`],
};

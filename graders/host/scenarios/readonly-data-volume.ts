import { createBaseHost } from "../state/debian.ts";
import * as fs from "../state/fs.ts";
import { Host } from "../state/host.ts";
import { hash32, randInt, randPick } from "../state/rng.ts";
import { ext4Error, isMounted } from "../state/mounts.ts";
import { startUnit } from "../services/systemd.ts";
import { installUnit } from "../services/units.ts";
import type { DirInode, Mount } from "../state/types.ts";
import { future, httpStatus, unitRunning } from "./checks.ts";
import type { Check, ScenarioDefinition } from "./types.ts";
import { prodHostname, serviceAccount } from "./naming.ts";
import { appServerUnit } from "./app-unit.ts";

/**
 * readonly-data-volume: the app stores uploads on a separate data disk
 * (/dev/vdb1 on /srv/data, ext4, errors=remount-ro in fstab). A burst of
 * write errors from the virtual disk left a directory referencing a freed
 * inode; the next lookup made ext4 abort the journal and remount the
 * filesystem read-only. The app still runs, but every upload fails with
 * "read-only file system" and its health check says so.
 *
 * `mount -o remount,rw` is refused while the journal is aborted. The fix is
 * the one ext4 asks for: stop what uses the filesystem, unmount it, e2fsck
 * the device (-y; preen mode refuses this damage), mount it again, start the
 * app. Unmounting and mounting without the fsck brings it back read-write,
 * but the damaged directory is still there and the app's next index scan
 * trips the same error within a minute.
 */

const UID = 102;
const GID = 108;
const DATA = "/srv/data";
const APP_DIR = `${DATA}/app`;
const LOG = "/var/log/app/app.log";
const GIB_BLOCKS = 262_144;

function unitText(port: number): string {
  return appServerUnit({
    execStart: `/usr/local/bin/app-server --data ${APP_DIR} --port ${port} --log ${LOG}`, restartSec: 10, restart: "on-failure",
    after: ["srv-data.mount"], unitLines: [`RequiresMountsFor=${DATA}`], serviceLines: [`WorkingDirectory=${APP_DIR}`],
  });
}

function uuid(seed: number): string {
  const hex = (n: number, len: number): string => (hash32("uuid", seed, n) >>> 0).toString(16).padStart(8, "0").slice(0, len);
  return `${hex(1, 8)}-${hex(2, 4)}-4${hex(3, 3)}-${"89ab"[seed % 4]}${hex(4, 3)}-${hex(5, 8)}${hex(6, 4)}`;
}

function portOf(host: Host): number {
  return Number(host.state.units["app.service"]?.params.port ?? 0);
}

function dataMount(host: Host): Mount | undefined {
  return host.state.fs.mounts.find((m) => m.source === "/dev/vdb1");
}

function build(seed: number): Host {
  const nowMs = Date.UTC(2026, 10, 25, 10, 20) + (seed % 113) * 60_000;
  const h = hash32("readonly-data-volume", seed);
  const hostname = prodHostname(h, ["media", "uploads", "files"], 5);
  const state = createBaseHost({
    seed, hostname, nowMs, rootGiB: 20,
    ...serviceAccount("app", UID, GID),
  });
  const host = new Host(state);
  const boot = state.clock.bootMs;
  const longAgo = boot - randInt(state, 60, 300) * 86400_000;
  const port = randPick(state, [8080, 8000, 8081, 9000, 3000]);
  const sizeGiB = randPick(state, [50, 100, 200]);
  const fsUuid = uuid(seed);

  // The data disk: one ext4 partition, mounted from fstab by UUID with errors=remount-ro.
  const dev = state.fs.mounts.length;
  const totalBlocks = sizeGiB * GIB_BLOCKS - 256;
  const mount: Mount = {
    dev, seq: 5.5, source: "/dev/vdb1", target: DATA, fstype: "ext4", options: "rw,relatime,errors=remount-ro",
    blockSize: 4096, totalBlocks, reservedBlocks: Math.floor(totalBlocks * 0.05), totalInodes: sizeGiB * 65_536,
    uuid: fsUuid, label: "data",
  };
  state.fs.mounts.push(mount);
  const root: DirInode = { ino: 1_100_000 + dev, dev, kind: "dir", mode: 0o755, uid: 0, gid: 0, mtimeMs: longAgo, nlink: 3, entries: {} };
  fs.attachInode(state, DATA, root);
  const lf = fs.mkdir(state, fs.ROOT, `${DATA}/lost+found`, { mode: 0o700, mtimeMs: longAgo });
  lf.extraBlocks = 3;
  fs.mkdir(state, fs.ROOT, APP_DIR, { uid: UID, gid: GID, mode: 0o750, mtimeMs: longAgo });
  const uploads = fs.mkdir(state, fs.ROOT, `${APP_DIR}/uploads`, { uid: UID, gid: GID, mode: 0o750, mtimeMs: longAgo });
  // Years of uploads, counted rather than stored.
  const usedGiB = Math.round(sizeGiB * randInt(state, 35, 70) / 100);
  uploads.extraBlocks = usedGiB * GIB_BLOCKS;
  uploads.extraInodes = usedGiB * randInt(state, 2_000, 4_000);
  fs.mkdir(state, fs.ROOT, `${APP_DIR}/index`, { uid: UID, gid: GID, mode: 0o750, mtimeMs: longAgo });

  const fstab = fs.resolve(state, fs.ROOT, "/etc/fstab").inode;
  if (fstab.kind === "file") fstab.text += `UUID=${fsUuid} ${DATA} ext4 defaults,nofail,errors=remount-ro 0 2\n`;

  const bin = fs.createFile(state, fs.ROOT, "/usr/local/bin/app-server", "", { mode: 0o755, mtimeMs: longAgo });
  bin.genBytes = 15_120_384;
  fs.mkdir(state, fs.ROOT, "/var/log/app", { uid: UID, gid: GID, mode: 0o755, mtimeMs: longAgo });

  const kernel = (at: number, message: string, priority = 6): void => host.log({ tsMs: at, ident: "kernel", pid: null, unit: null, priority, message });
  const sectors = sizeGiB * 2_097_152;
  kernel(boot + 1_200, `virtio_blk virtio3: [vdb] ${sectors} 512-byte logical blocks (${(sectors * 512 / 1e9).toFixed(1)} GB/${sizeGiB}.0 GiB)`);
  kernel(boot + 1_210, " vdb: vdb1");
  kernel(boot + 4_300, "EXT4-fs (vdb1): mounted filesystem with ordered data mode. Quota mode: none.");
  host.log({ tsMs: boot + 4_310, ident: "systemd", pid: 1, unit: null, priority: 6, message: `Mounted srv-data.mount - ${DATA}.` });

  const unit = installUnit(host, {
    name: "app.service", path: "/etc/systemd/system/app.service", text: unitText(port), program: "upload-app", mtimeMs: longAgo,
    params: { logFile: LOG, port, dataDir: APP_DIR, bytesPerSec: randInt(state, 2_000, 6_000), cpuShare: 0.03, vszKb: 1_312_880 },
    memoryKb: randInt(state, 80_000, 140_000),
  });
  state.clock.nowMs = boot + 9_000;
  startUnit(host, unit);
  if (unit.activeState !== "active") throw new Error("app.service did not start while building the scenario");
  state.clock.nowMs = nowMs - randInt(state, 2, 6) * 3600_000;
  const log = fs.resolve(state, fs.ROOT, LOG).inode;
  if (log.kind === "file") log.genBytes = randInt(state, 20, 80) * 1024 * 1024;

  // The incident: write errors from the disk, then the damaged directory trips ext4.
  const incident = nowMs - randInt(state, 15, 45) * 60_000;
  const sector = randInt(state, 1_000_000, sectors - 1_000_000);
  const dirIno = randInt(state, 400_000, sizeGiB * 65_536 - 1000);
  const badIno = dirIno + 32;
  const group = Math.floor(badIno / 8192);
  const lostBlocks = randPick(state, [8, 16, 24]);
  const blk = Math.floor(sector / 8);
  const freeInGroup = randInt(state, 1_000, 30_000);
  const freeTotal = totalBlocks - usedGiB * GIB_BLOCKS - randInt(state, 40_000, 90_000);
  const freeInodes = sizeGiB * 65_536 - usedGiB * 3_000;
  const freeInGroupInodes = randInt(state, 100, 8000);
  const entry = `${randInt(state, 100_000, 999_999).toString(36)}.jpg`;
  host.advance(incident - 2_000 - state.clock.nowMs);
  mount.fsErrors = {
    count: 0, firstMs: incident, lastMs: incident, inode: dirIno, func: "ext4_lookup", line: 1855,
    problems: [
      `1\tInode ${badIno} has illegal block(s).  \tClear`,
      `2\tEntry '${entry}' in /app/uploads/2026/11 (${dirIno}) has deleted/unused inode ${badIno}.  \tClear`,
      `5\tBlock bitmap differences:  -(${blk}--${blk + lostBlocks - 1})\n\tFix`,
      `5\tFree blocks count wrong for group #${Math.floor(blk / 32768)} (${freeInGroup}, counted=${freeInGroup + lostBlocks}).\n\tFix`,
      `5\tFree blocks count wrong (${freeTotal}, counted=${freeTotal + lostBlocks}).\n\tFix`,
      `5\tInode bitmap differences:  -${badIno}\n\tFix`,
      `5\tFree inodes count wrong for group #${group} (${freeInGroupInodes}, counted=${freeInGroupInodes + 1}).\n\tFix`,
      `5\tFree inodes count wrong (${freeInodes}, counted=${freeInodes + 1}).\n\tFix`,
    ],
  };
  for (let i = 0; i < 2; i++) kernel(incident - 1_500 + i * 40, `I/O error, dev vdb, sector ${sector + i * 8} op 0x1:(WRITE) flags 0x800 phys_seg ${i ? 1 : 8} prio class 2`, 3);
  kernel(incident - 1_400, `Buffer I/O error on dev vdb1, logical block ${blk}, lost async page write`, 3);
  state.clock.nowMs = incident;
  ext4Error(host, mount, `ext4_lookup:1855: inode #${dirIno}: comm app-server: deleted inode referenced: ${badIno}`, { abortJournal: true });
  kernel(incident + 3, "EXT4-fs error (device vdb1): ext4_journal_check_start:83: comm app-server: Detected aborted journal", 2);
  host.advance(nowMs - state.clock.nowMs);
  state.clock.nowMs = nowMs;
  if (!fs.isReadOnly(mount)) throw new Error("the data filesystem is not read-only");
  return host;
}

const mountedRw: Check = {
  name: `${DATA} is mounted read-write`,
  test: (host) => {
    const m = dataMount(host);
    return m !== undefined && isMounted(m) && m.target === DATA && !fs.isReadOnly(m);
  },
};

const clean: Check = {
  name: "The filesystem on /dev/vdb1 has been repaired",
  test: (host) => dataMount(host)?.fsErrors === undefined,
};

const staysRw: Check = {
  name: `${DATA} is still writable a few minutes from now`,
  test: (host) => {
    const m = dataMount(future(host, 3 * 60_000));
    return m !== undefined && isMounted(m) && !fs.isReadOnly(m);
  },
};

const uploadsKept: Check = {
  name: "The stored uploads are still there",
  test: (host) => {
    const found = fs.tryResolve(host.state, fs.ROOT, `${APP_DIR}/uploads`);
    return found !== null && found.inode.kind === "dir" && (found.inode.extraBlocks ?? 0) > 0 && fs.mountForPath(host.state, found.path).source === "/dev/vdb1";
  },
};

export const readonlyDataVolume: ScenarioDefinition = {
  slug: "readonly-data-volume",
  title: "Uploads fail: read-only file system",
  build,
  checks: [
    unitRunning("app.service", "app.service is running"),
    { name: "The app answers its health check", test: (host) => httpStatus(portOf(host), "/health", 200, "").test(host) },
    mountedRw,
    clean,
    staysRw,
    uploadsKept,
  ],
  referenceFix: () => [
    "sudo systemctl stop app",
    `sudo umount ${DATA}`,
    "sudo e2fsck -fy /dev/vdb1 >/dev/null || true",
    `sudo mount ${DATA}`,
    "sudo systemctl start app",
  ],
};

import { describe, expect, it } from "vitest";
import { judge, startScenario, type ScenarioRun } from "./runtime.ts";
import { failing, type, expectSeeded, restarted } from "./testkit.ts";

const SLUG = "readonly-data-volume";
const SEEDS = [1, 2, 3, 42, 1234];

const RUNNING = "app.service is running";
const HEALTH = "The app answers its health check";
const RW = "/srv/data is mounted read-write";
const REPAIRED = "The filesystem on /dev/vdb1 has been repaired";
const STAYS = "/srv/data is still writable a few minutes from now";
const KEPT = "The stored uploads are still there";
const ALL = [RUNNING, HEALTH, RW, REPAIRED, STAYS, KEPT];
const port = (run: ScenarioRun) => Number(run.session.host.state.units["app.service"]!.params.port);

describe("scenario readonly-data-volume", () => {
  it.each(SEEDS)("starts broken the way the statement says (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    expect(failing(run)).toEqual([HEALTH, RW, REPAIRED, STAYS]);
    expect(await type(run, "systemctl is-active app")).toBe("active\n");
    expect(await type(run, `curl -s localhost:${port(run)}/health`)).toBe('{"status":"unhealthy","error":"open /srv/data/app/.healthcheck: read-only file system"}\n');
    expect(await type(run, "journalctl -u app -n 1")).toMatch(/app-server\[\d+\]: ERROR store upload: open \/srv\/data\/app\/uploads\/2026\/11\/25\/\w+\.jpg: read-only file system\n$/);
    expect(await type(run, "findmnt /srv/data")).toBe("TARGET    SOURCE    FSTYPE OPTIONS\n/srv/data /dev/vdb1 ext4   ro,relatime,errors=remount-ro\n");
    expect(await type(run, "mount | grep vdb1")).toBe("/dev/vdb1 on /srv/data type ext4 (ro,relatime,errors=remount-ro)\n");
    expect(await type(run, "grep /srv/data /etc/fstab")).toMatch(/^UUID=[0-9a-f-]{36} \/srv\/data ext4 defaults,nofail,errors=remount-ro 0 2\n$/);
    const dmesg = await type(run, "sudo dmesg");
    expect(dmesg).toMatch(/\] I\/O error, dev vdb, sector \d+ op 0x1:\(WRITE\) flags 0x800 phys_seg 8 prio class 2\n/);
    expect(dmesg).toMatch(/\] EXT4-fs error \(device vdb1\): ext4_lookup:1855: inode #\d+: comm app-server: deleted inode referenced: \d+\n\[ *[\d.]+\] Aborting journal on device vdb1-8\.\n\[ *[\d.]+\] EXT4-fs \(vdb1\): Remounting filesystem read-only\n/);
    expect(await type(run, "touch /srv/data/x")).toBe("touch: cannot touch '/srv/data/x': Read-only file system\n");
    expect(await type(run, "sudo mkdir /srv/data/x")).toBe("mkdir: cannot create directory ‘/srv/data/x’: Read-only file system\n");
    expect((await run.session.run("echo hi | sudo tee /srv/data/x")).stderr).toBe("tee: /srv/data/x: Read-only file system\n");
    expect(await type(run, "lsblk /dev/vdb")).toMatch(/^NAME {3}MAJ:MIN RM {2}SIZE RO TYPE MOUNTPOINTS\nvdb {4}254:16 {3}0 +\d+G {2}0 disk \n└─vdb1 254:17 {3}0 +\d+G {2}0 part \/srv\/data\n$/);
    run.session.host.advance(5 * 60_000);
    expect(failing(run)).toEqual([HEALTH, RW, REPAIRED, STAYS]);
  });

  it.each(SEEDS)("is solved by the reference fix (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    for (const line of run.scenario.referenceFix(run.session.host)) expect((await run.session.run(line)).exitCode).toBe(0);
    expect(judge(run.scenario, run.session.host)).toEqual({ solved: true, checks: ALL.map((name) => ({ name, ok: true })) });
    expect(await type(run, `curl -s localhost:${port(run)}/health`)).toBe('{"status":"ok"}\n');
    run.session.host.advance(10 * 60_000);
    expect(judge(run.scenario, run.session.host).solved).toBe(true);
  });

  it("walks the real path: remount refused, umount busy, fsck refuses while mounted and in preen mode, -y repairs", async () => {
    const run = startScenario(SLUG, 7);
    expect(await run.session.run("sudo mount -o remount,rw /srv/data")).toEqual({
      stdout: "", stderr: "mount: /srv/data: cannot remount /dev/vdb1 read-write, is write-protected.\n       dmesg(1) may have more information after failed mount system call.\n", exitCode: 32,
    });
    expect(await run.session.run("sudo umount /srv/data")).toEqual({ stdout: "", stderr: "umount: /srv/data: target is busy.\n", exitCode: 32 });
    expect(await run.session.run("sudo fsck -y /dev/vdb1")).toEqual({
      stdout: "fsck from util-linux 2.38.1\ne2fsck 1.47.0 (5-Feb-2023)\n", stderr: "/dev/vdb1 is mounted.\ne2fsck: Cannot continue, aborting.\n\n\n", exitCode: 8,
    });
    expect(await type(run, "fsck /dev/vdb1")).toBe("-bash: fsck: command not found\n");
    await type(run, "sudo systemctl stop app", "sudo umount /srv/data");
    expect(await type(run, "ls -A /srv/data")).toBe("");
    const preen = await run.session.run("sudo fsck -p /dev/vdb1");
    expect(preen.exitCode).toBe(4);
    expect(preen.stdout).toMatch(/\ndata: UNEXPECTED INCONSISTENCY; RUN fsck MANUALLY\.\n\t\(i\.e\., without -a or -p options\)\n$/);
    const fix = await run.session.run("sudo fsck -y /dev/vdb1");
    expect(fix.exitCode).toBe(1);
    expect(fix.stdout).toMatch(/^fsck from util-linux 2\.38\.1\ne2fsck 1\.47\.0 \(5-Feb-2023\)\ndata contains a file system with errors, check forced\.\nPass 1: Checking inodes, blocks, and sizes\nInode \d+ has illegal block\(s\)\. {2}Clear\? yes\n\n/);
    expect(fix.stdout).toMatch(/\n\ndata: \*\*\*\*\* FILE SYSTEM WAS MODIFIED \*\*\*\*\*\ndata: \d+\/\d+ files \([\d.]+% non-contiguous\), \d+\/\d+ blocks\n$/);
    expect((await run.session.run("sudo e2fsck /dev/vdb1")).stdout).toMatch(/^e2fsck 1\.47\.0 \(5-Feb-2023\)\ndata: clean, \d+\/\d+ files, \d+\/\d+ blocks\n$/);
    await type(run, "sudo mount -a", "sudo systemctl start app");
    expect(await type(run, "findmnt -n -o OPTIONS /srv/data")).toBe("rw,relatime,errors=remount-ro\n");
    expect(judge(run.scenario, run.session.host).solved).toBe(true);
  });

  it("is not solved by umount and mount without fsck: the damage trips ext4 again", async () => {
    const run = startScenario(SLUG, 8);
    await type(run, "sudo systemctl stop app", "sudo umount /srv/data", "sudo mount /srv/data", "sudo systemctl start app");
    expect(await type(run, "sudo dmesg | tail -2")).toMatch(/EXT4-fs \(vdb1\): warning: mounting fs with errors, running e2fsck is recommended\n.*EXT4-fs \(vdb1\): mounted filesystem with ordered data mode\. Quota mode: none\.\n$/);
    expect(failing(run)).toEqual([REPAIRED, STAYS]);
    run.session.host.advance(70_000);
    expect(await type(run, "findmnt -n -o OPTIONS /srv/data")).toBe("ro,relatime,errors=remount-ro\n");
    expect(failing(run)).toEqual([HEALTH, RW, REPAIRED, STAYS]);
  });

  it("is not solved by dropping errors=remount-ro from fstab", async () => {
    const run = startScenario(SLUG, 9);
    await type(run, "sudo sed -i 's/,errors=remount-ro//' /etc/fstab", "sudo systemctl stop app", "sudo umount /srv/data", "sudo mount /srv/data", "sudo systemctl start app");
    run.session.host.advance(3 * 60_000);
    expect(failing(run)).toEqual([REPAIRED]);
  });

  it("needs root, varies by seed, reproduces, and survives save and restore", async () => {
    const run = startScenario(SLUG, 21);
    expect(await run.session.run("mount -o remount,rw /srv/data")).toEqual({
      stdout: "", stderr: "mount: /srv/data: must be superuser to use mount.\n       dmesg(1) may have more information after failed mount system call.\n", exitCode: 32,
    });
    expect((await run.session.run("umount /srv/data")).stderr).toBe("umount: /srv/data: must be superuser to unmount.\n");
    expectSeeded(SLUG);
    await type(run, "sudo systemctl stop app", "sudo umount /srv/data");
    const again = restarted(run);
    expect(await type(again, "findmnt /srv/data")).toBe("");
    await type(again, "sudo fsck -y /dev/vdb1", "sudo mount /srv/data", "sudo systemctl start app");
    expect(judge(again.scenario, again.session.host).solved).toBe(true);
    expect(judge(run.scenario, run.session.host).solved).toBe(false);
  });
});

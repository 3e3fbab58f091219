import { describe, expect, it } from "vitest";
import { baseSession } from "../../testkit.ts";

describe("fsck and e2fsck", () => {
  it("live in /usr/sbin, refuse a mounted filesystem, and name a missing device", async () => {
    const s = baseSession();
    expect((await s.run("e2fsck /dev/vda1")).stderr).toBe("-bash: e2fsck: command not found\n");
    expect(await s.run("sudo e2fsck -f /dev/vda1")).toEqual({
      stdout: "e2fsck 1.47.0 (5-Feb-2023)\n", stderr: "/dev/vda1 is mounted.\ne2fsck: Cannot continue, aborting.\n\n\n", exitCode: 8,
    });
    expect(await s.run("sudo fsck /dev/vdz1")).toEqual({
      stdout: "fsck from util-linux 2.38.1\ne2fsck 1.47.0 (5-Feb-2023)\n", stderr: "e2fsck: No such file or directory while trying to open /dev/vdz1\nPossibly non-existent device?\n", exitCode: 8,
    });
    expect((await s.run("sudo e2fsck -n -y /dev/vda1")).stderr).toBe("e2fsck: Only one of the options -p/-a, -n or -y may be specified.\n");
    expect((await s.run("sudo fsck --help")).stdout).toMatch(/^\nUsage:\n fsck \[options\] -- \[fs-options\] \[<filesystem> \.\.\.\]\n/);
  });

  it("finds no ext4 superblock on the EFI partition", async () => {
    const s = baseSession();
    await s.run("sudo umount /boot/efi");
    const r = await s.run("sudo e2fsck /dev/vda15");
    expect(r.exitCode).toBe(8);
    expect(r.stderr).toBe("ext2fs_open2: Bad magic number in super-block\ne2fsck: Superblock invalid, trying backup blocks....\ne2fsck: Bad magic number in super-block while trying to open /dev/vda15\n");
    expect(r.stdout).toMatch(/\n {4}e2fsck -b 32768 <device>\n\n\/dev\/vda15 contains a vfat file system\n$/);
  });
});

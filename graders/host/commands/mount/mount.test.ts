import { describe, expect, it } from "vitest";
import { baseSession } from "../../testkit.ts";

describe("mount, umount, findmnt, lsblk", () => {
  it("lists the mount table as util-linux does", async () => {
    const s = baseSession();
    const out = (await s.run("mount")).stdout.split("\n");
    expect(out[0]).toBe("sysfs on /sys type sysfs (rw,nosuid,nodev,noexec,relatime)");
    expect(out).toContain("/dev/vda1 on / type ext4 (rw,relatime,discard,errors=remount-ro)");
    expect(out).toContain("tmpfs on /run/lock type tmpfs (rw,nosuid,nodev,noexec,relatime,size=5120k,inode64)");
    expect((await s.run("mount -t ext4")).stdout).toBe("/dev/vda1 on / type ext4 (rw,relatime,discard,errors=remount-ro)\n");
    expect((await s.run("findmnt -n -o SOURCE /")).stdout).toBe("/dev/vda1\n");
    expect((await s.run("findmnt /run/lock")).stdout).toBe("TARGET    SOURCE FSTYPE OPTIONS\n/run/lock tmpfs  tmpfs  rw,nosuid,nodev,noexec,relatime,size=5120k,inode64\n");
    expect(await s.run("findmnt /etc")).toEqual({ stdout: "", stderr: "", exitCode: 1 });
    expect((await s.run("findmnt -n -o TARGET -T /etc/hostname")).stdout).toBe("/\n");
    expect((await s.run("findmnt -n -o TARGET,FSTYPE -T /run/lock/x")).stdout).toBe("/run/lock tmpfs\n");
    expect((await s.run("grep -E ' / |/run/lock' /proc/mounts")).stdout).toBe("/dev/vda1 / ext4 rw,relatime,discard,errors=remount-ro 0 0\ntmpfs /run/lock tmpfs rw,nosuid,nodev,noexec,relatime,size=5120k,inode64 0 0\n");
    const tree = (await s.run("findmnt")).stdout.split("\n");
    expect(tree[0]).toMatch(/^TARGET +SOURCE +FSTYPE +OPTIONS$/);
    expect(tree[1]).toMatch(/^\/ +\/dev\/vda1 +ext4 +rw,relatime,discard,errors=remount-ro$/);
    expect(tree).toContainEqual(expect.stringMatching(/^│ └─\/sys\/fs\/fuse\/connections +fusectl /));
    expect(tree).toContainEqual(expect.stringMatching(/^└─\/boot\/efi +\/dev\/vda15 +vfat /));
    expect((await s.run("lsblk")).stdout).toBe([
      "NAME    MAJ:MIN RM  SIZE RO TYPE MOUNTPOINTS",
      "vda     254:0    0   20G  0 disk ",
      "├─vda1  254:1    0 19.9G  0 part /",
      "├─vda14 254:14   0    3M  0 part ",
      "└─vda15 254:15   0  124M  0 part /boot/efi",
      "",
    ].join("\n"));
  });

  it("needs root to change mounts, and refuses what the kernel refuses", async () => {
    const s = baseSession();
    const dmesg = "       dmesg(1) may have more information after failed mount system call.\n";
    expect(await s.run("mount -o remount,ro /")).toEqual({ stdout: "", stderr: `mount: /: must be superuser to use mount.\n${dmesg}`, exitCode: 32 });
    expect(await s.run("mount /srv")).toEqual({ stdout: "", stderr: "mount: /srv: can't find in /etc/fstab.\n", exitCode: 1 });
    expect(await s.run("umount /boot/efi")).toEqual({ stdout: "", stderr: "umount: /boot/efi: must be superuser to unmount.\n", exitCode: 32 });
    expect((await s.run("sudo umount /srv")).stderr).toBe("umount: /srv: not mounted.\n");
    expect((await s.run("sudo umount /nonexist")).stderr).toBe("umount: /nonexist: no mount point specified.\n");
    expect((await s.run("sudo umount /")).stderr).toBe("umount: /: target is busy.\n");
    expect((await s.run("sudo mount -o remount,rw /nothere")).stderr).toBe(`mount: /nothere: mount point does not exist.\n${dmesg}`);
  });

  it("makes a filesystem read-only with remount,ro: writes fail with EROFS, even for root, until remount,rw", async () => {
    const s = baseSession();
    expect((await s.run("sudo umount /boot/efi && ls /boot/efi && findmnt /boot/efi")).exitCode).toBe(1);
    expect((await s.run("sudo mount /boot/efi")).exitCode).toBe(0);
    expect((await s.run("findmnt -n -o TARGET,OPTIONS /boot/efi")).stdout).toBe("/boot/efi rw,relatime,fmask=0022,dmask=0022,codepage=437,iocharset=ascii,shortname=mixed,utf8,errors=remount-ro\n");
    await s.run("sudo mount -o remount,ro /");
    expect((await s.run("findmnt -n -o OPTIONS /")).stdout).toBe("ro,relatime,discard,errors=remount-ro\n");
    expect(await s.run("echo x > /tmp/f")).toEqual({ stdout: "", stderr: "-bash: /tmp/f: Read-only file system\n", exitCode: 1 });
    expect((await s.run("sudo touch /etc/x")).stderr).toBe("touch: cannot touch '/etc/x': Read-only file system\n");
    expect((await s.run("sudo rm /etc/hostname")).stderr).toBe("rm: cannot remove '/etc/hostname': Read-only file system\n");
    expect((await s.run("sudo chmod 600 /etc/hostname")).stderr).toBe("chmod: changing permissions of '/etc/hostname': Read-only file system\n");
    // tmpfs mounts are separate filesystems and stay writable.
    expect((await s.run("echo x > /dev/shm/f && cat /dev/shm/f")).stdout).toBe("x\n");
    await s.run("sudo mount -o remount,rw /");
    expect((await s.run("echo x > /tmp/f && cat /tmp/f")).stdout).toBe("x\n");
  });
});

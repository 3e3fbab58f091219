import { describe, expect, it } from "vitest";
import * as fs from "../../state/fs.ts";
import { baseSession } from "../../testkit.ts";

describe("df", () => {
  it("prints coreutils 9.1's default table in /proc/mounts order", async () => {
    const s = baseSession();
    const out = (await s.run("df")).stdout;
    const lines = out.split("\n");
    expect(lines[0]).toBe("Filesystem     1K-blocks    Used Available Use% Mounted on");
    expect(lines.slice(1, -1).map((l) => l.split(/ +/).at(-1))).toEqual(["/dev", "/run", "/", "/dev/shm", "/run/lock", "/boot/efi", "/run/user/1000"]);
    expect(lines[1]).toBe("udev             1006540       0   1006540   0% /dev");
    expect(lines[5]).toBe("tmpfs               5120       0      5120   0% /run/lock");
  });

  it("rounds -h sizes up like human_readable and computes Use% against used + avail", async () => {
    const s = baseSession();
    const out = (await s.run("df -h /")).stdout;
    // 1999920 KiB used is 1.907 GiB: df -h rounds up, to 2.0G.
    expect(out).toBe("Filesystem      Size  Used Avail Use% Mounted on\n/dev/vda1        20G  2.0G   18G  11% /\n");
  });

  it("counts a deleted file still held open until the holder exits", async () => {
    const s = baseSession();
    const st = s.host.state;
    const f = fs.createFile(st, fs.ROOT, "/var/tmp/blob", "");
    f.genBytes = 10 * 1024 ** 3;
    const usedOf = async (): Promise<string> => (await s.run("df -h /")).stdout.split("\n")[1]!.split(/ +/)[2]!;
    expect(await usedOf()).toBe("12G");
    const holder = Object.values(st.procs).find((p) => p.comm === "cron")!;
    holder.fds["7"] = { kind: "file", ino: f.ino, path: "/var/tmp/blob", mode: "r", offset: 0 };
    await s.run("sudo rm /var/tmp/blob");
    expect(await usedOf()).toBe("12G");
    expect((await s.run("sudo du -sh /var/tmp")).stdout).toBe("4.0K\t/var/tmp\n");
    s.host.terminate(holder, 9);
    expect(await usedOf()).toBe("2.0G");
  });

  it("shows inode use with -i and the type with -T, and names a missing operand", async () => {
    const s = baseSession();
    expect((await s.run("df -i /")).stdout).toMatch(/^Filesystem      Inodes IUsed   IFree IUse% Mounted on\n\/dev\/vda1      1310720 \d{5} \d{7}    \d% \/\n$/);
    expect((await s.run("df -T /boot/efi")).stdout).toBe("Filesystem     Type 1K-blocks  Used Available Use% Mounted on\n/dev/vda15     vfat    126972  5956    121016   5% /boot/efi\n");
    expect(await s.run("df /nope")).toEqual({ stdout: "", stderr: "df: /nope: No such file or directory\n", exitCode: 1 });
  });
});

import { describe, expect, it } from "vitest";
import { baseSession } from "../../testkit.ts";

describe("chown, chgrp, groups, dmesg, less", () => {
  it("gives files away only as root, in GNU's wording", async () => {
    const s = baseSession();
    await s.run("touch /tmp/f");
    expect(await s.run("chown root /tmp/f")).toEqual({ stdout: "", stderr: "chown: changing ownership of '/tmp/f': Operation not permitted\n", exitCode: 1 });
    expect((await s.run("sudo chown www-data:adm /tmp/f && stat -c '%U:%G' /tmp/f")).stdout).toBe("www-data:adm\n");
    expect((await s.run("sudo chown admin: /tmp/f && stat -c '%U:%G' /tmp/f")).stdout).toBe("admin:admin\n");
    expect((await s.run("sudo chgrp sudo /tmp/f && stat -c %G /tmp/f")).stdout).toBe("sudo\n");
    expect((await s.run("sudo chown ghost /tmp/f")).stderr).toBe("chown: invalid user: 'ghost'\n");
    expect((await s.run("sudo chown root /nope")).stderr).toBe("chown: cannot access '/nope': No such file or directory\n");
    await s.run("mkdir -p /tmp/d/e && touch /tmp/d/e/g && sudo chown -R www-data /tmp/d");
    expect((await s.run("stat -c %U /tmp/d/e/g")).stdout).toBe("www-data\n");
  });

  it("lists groups and keeps the kernel log for root", async () => {
    const s = baseSession();
    expect((await s.run("groups")).stdout).toBe("admin adm dialout cdrom floppy sudo audio dip video plugdev netdev\n");
    expect((await s.run("groups root")).stdout).toBe("root : root\n");
    expect((await s.run("dmesg")).stderr).toBe("dmesg: read kernel buffer failed: Operation not permitted\n");
    expect((await s.run("sudo dmesg | head -1")).stdout).toMatch(/^\[    0\.000000\] Linux version 6\.1\.0-27-cloud-amd64 /);
    expect((await s.run("less /etc/hostname")).stdout).toBe("web-01\n");
  });
});

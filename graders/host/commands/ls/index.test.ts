import { describe, expect, it } from "vitest";
import * as fs from "../../state/fs.ts";
import { baseSession, TEST_NOW } from "../../testkit.ts";

describe("ls", () => {
  it("prints GNU's errors and exit status 2", async () => {
    const s = baseSession();
    expect(await s.run("ls /nope")).toEqual({ stdout: "", stderr: "ls: cannot access '/nope': No such file or directory\n", exitCode: 2 });
    expect(await s.run("ls /root")).toEqual({ stdout: "", stderr: "ls: cannot open directory '/root': Permission denied\n", exitCode: 2 });
    expect((await s.run("ls /root/.bashrc")).stderr).toBe("ls: cannot access '/root/.bashrc': Permission denied\n");
  });

  it("lays out -l with aligned columns, owners by name and the six-month date rule", async () => {
    const s = baseSession();
    const st = s.host.state;
    fs.mkdir(st, fs.ROOT, "/srv/app", { uid: 1000, gid: 1000, mtimeMs: TEST_NOW - 3600_000 });
    fs.createFile(st, fs.ROOT, "/srv/app/big.log", "x".repeat(123_456), { uid: 33, gid: 4, mode: 0o640, mtimeMs: TEST_NOW - 86400_000 });
    fs.createFile(st, fs.ROOT, "/srv/app/a.txt", "hi\n", { uid: 1000, gid: 1000, mtimeMs: Date.UTC(2025, 0, 5, 12, 0) });
    fs.symlink(st, fs.ROOT, "big.log", "/srv/app/current", { mtimeMs: TEST_NOW - 60_000 });
    const r = await s.run("ls -l /srv/app");
    expect(r.stdout).toBe(
      "total 128\n" +
        "-rw-r--r-- 1 admin    admin      3 Jan  5  2025 a.txt\n" +
        "-rw-r----- 1 www-data adm   123456 Nov 24 09:00 big.log\n" +
        "lrwxrwxrwx 1 root     root       7 Nov 25 08:59 current -> big.log\n",
    );
    expect((await s.run("ls -lh /srv/app/big.log")).stdout).toBe("-rw-r----- 1 www-data adm 121K Nov 24 09:00 /srv/app/big.log\n");
    expect((await s.run("ls -tr /srv/app")).stdout).toBe("a.txt\nbig.log\ncurrent\n");
    expect((await s.run("ls -S /srv/app")).stdout).toBe("big.log\ncurrent\na.txt\n");
  });

  it("shows hidden entries with -a, the sticky bit and device numbers", async () => {
    const s = baseSession();
    expect((await s.run("ls")).stdout).toBe("");
    expect((await s.run("ls -A")).stdout).toBe(".bash_logout\n.bashrc\n.profile\n.ssh\n");
    expect((await s.run("ls -a")).stdout).toBe(".\n..\n.bash_logout\n.bashrc\n.profile\n.ssh\n");
    expect((await s.run("ls -la .ssh")).stdout).toMatch(/^total 12\ndrwx------ 2 admin admin 4096 .* \.\ndrwx------ 3 admin admin 4096 .* \.\.\n-rw------- 1 admin admin +\d+ .* authorized_keys\n$/);
    expect((await s.run("ls -ld /tmp")).stdout).toMatch(/^drwxrwxrwt 2 root root 4096 /);
    expect((await s.run("ls -l /dev/null")).stdout).toMatch(/^crw-rw-rw- 1 root root 1, 3 \w{3} [ \d]\d [\d:]{5} \/dev\/null\n$/);
  });

  it("lists files before directories, each directory under a header", async () => {
    const s = baseSession();
    const r = await s.run("ls /home /etc/hostname");
    expect(r.stdout).toBe("/etc/hostname\n\n/home:\nadmin\n");
  });
});

describe("ls over /proc", () => {
  it("lists anyone's /proc/PID but not another user's fd directory, and shows the owner's fd links", async () => {
    const s = baseSession();
    const out = (await s.run("ls -l /proc/1")).stdout;
    expect(out.split("\n")[0]).toBe("total 0");
    expect(out).toMatch(/^dr-x------ 1 root root  0 \w{3} \d\d \d\d:\d\d fd$/m);
    expect((await s.run("ls /proc/1/fd")).stderr).toBe("ls: cannot open directory '/proc/1/fd': Permission denied\n");
    expect((await s.run("sudo ls -l /proc/1/fd")).stdout).toMatch(/^lr-x------ 1 root root 64 .* 0 -> \/dev\/null$/m);
    expect((await s.run("echo /proc/2/fd /proc/*/fd | wc -w")).stdout).toBe(`${Object.keys(s.host.state.procs).length + 1}\n`);
  });
});

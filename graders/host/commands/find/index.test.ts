import { describe, expect, it } from "vitest";
import * as fs from "../../state/fs.ts";
import { baseSession, TEST_NOW } from "../../testkit.ts";
import type { Session } from "../../shell/session.ts";

const DAY = 86400_000;

function logs(s: Session): void {
  const st = s.host.state;
  fs.mkdir(st, fs.ROOT, "/srv/logs", { uid: 1000, gid: 1000 });
  fs.createFile(st, fs.ROOT, "/srv/logs/today.log", "x".repeat(2000), { uid: 1000, gid: 1000, mtimeMs: TEST_NOW - 3600_000 });
  fs.createFile(st, fs.ROOT, "/srv/logs/old.log", "y".repeat(600), { uid: 1000, gid: 1000, mtimeMs: TEST_NOW - 10 * DAY });
  fs.createFile(st, fs.ROOT, "/srv/logs/older.log.gz", "", { uid: 0, gid: 0, mtimeMs: TEST_NOW - 30 * DAY });
  fs.mkdir(st, fs.ROOT, "/srv/logs/archive", { uid: 1000, gid: 1000, mtimeMs: TEST_NOW - 40 * DAY });
}

describe("find", () => {
  it("selects by name, type, size and age on the simulated clock", async () => {
    const s = baseSession();
    logs(s);
    expect((await s.run("find /srv/logs -name '*.log'")).stdout).toBe("/srv/logs/today.log\n/srv/logs/old.log\n");
    expect((await s.run("find /srv/logs -type f -mtime +7")).stdout).toBe("/srv/logs/old.log\n/srv/logs/older.log.gz\n");
    // The directory itself changed when its files were created, so it is recent too.
    expect((await s.run("find /srv/logs -mmin -120")).stdout).toBe("/srv/logs\n/srv/logs/today.log\n");
    expect((await s.run("find /srv/logs -type f -size +1k")).stdout).toBe("/srv/logs/today.log\n");
    expect((await s.run("find /srv/logs -empty")).stdout).toBe("/srv/logs/older.log.gz\n/srv/logs/archive\n");
    expect((await s.run("find /srv/logs -user root")).stdout).toBe("/srv/logs/older.log.gz\n");
    expect((await s.run("find /srv/logs ! -name '*.log' -type f")).stdout).toBe("/srv/logs/older.log.gz\n");
    expect((await s.run("find /srv/logs -maxdepth 0")).stdout).toBe("/srv/logs\n");
    expect((await s.run("cd /srv && find logs -name '*.gz' -o -name 'today*'")).stdout).toBe("logs/today.log\nlogs/older.log.gz\n");
  });

  it("deletes and runs commands on what it finds, with the caller's permissions", async () => {
    const s = baseSession();
    logs(s);
    // Removing a file needs write access to its directory, not to the file: admin owns /srv/logs.
    expect(await s.run("find /srv/logs -mtime +7 -type f -delete")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    expect((await s.run("ls /srv/logs")).stdout).toBe("archive\ntoday.log\n");
    expect((await s.run("find /var/log -maxdepth 1 -name journal -delete")).stderr).toBe("find: cannot delete '/var/log/journal': Permission denied\n");
    expect((await s.run("find /srv/logs -name '*.log' -exec wc -c {} \\;")).stdout).toBe("2000 /srv/logs/today.log\n");
    await s.run("touch /srv/logs/archive/a /srv/logs/archive/b");
    expect((await s.run("find /srv/logs/archive -type f -exec ls {} +")).stdout).toBe("/srv/logs/archive/a\n/srv/logs/archive/b\n");
  });

  it("reports unreadable directories and bad predicates as GNU find does", async () => {
    const s = baseSession();
    expect(await s.run("find /root")).toEqual({ stdout: "/root\n", stderr: "find: '/root': Permission denied\n", exitCode: 1 });
    expect((await s.run("find /tmp -bogus")).stderr).toBe("find: unknown predicate `-bogus'\n");
    expect((await s.run("find /nope")).stderr).toBe("find: '/nope': No such file or directory\n");
  });
});

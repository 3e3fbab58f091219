import { describe, expect, it } from "vitest";
import * as fs from "../../state/fs.ts";
import { baseSession } from "../../testkit.ts";

describe("du", () => {
  it("sums allocated blocks post-order in KiB, -h and -s, naming operands as typed", async () => {
    const s = baseSession();
    const st = s.host.state;
    fs.mkdir(st, fs.ROOT, "/srv/data");
    fs.mkdir(st, fs.ROOT, "/srv/data/sub");
    fs.createFile(st, fs.ROOT, "/srv/data/a", "x".repeat(5000));
    fs.createFile(st, fs.ROOT, "/srv/data/sub/b", "y".repeat(10));
    expect((await s.run("du /srv/data/")).stdout).toBe("8\t/srv/data/sub\n20\t/srv/data\n");
    expect((await s.run("cd /srv && du -a data")).stdout).toBe("8\tdata/a\n4\tdata/sub/b\n8\tdata/sub\n20\tdata\n");
    expect((await s.run("du -sh /srv/data")).stdout).toBe("20K\t/srv/data\n");
    expect((await s.run("du -sc /srv/data /srv/data/sub")).stdout).toBe("20\t/srv/data\n20\ttotal\n");
    expect((await s.run("du --apparent-size -s /srv/data/a")).stdout).toBe("5\t/srv/data/a\n");
  });

  it("reports unreadable directories and missing operands and exits 1", async () => {
    const s = baseSession();
    const r = await s.run("du -s /root /nope");
    expect(r.stdout).toBe("4\t/root\n");
    expect(r.stderr).toBe("du: cannot read directory '/root': Permission denied\ndu: cannot access '/nope': No such file or directory\n");
    expect(r.exitCode).toBe(1);
  });

  it("limits depth with -d and agrees with df for a tree of live files", async () => {
    const s = baseSession();
    expect((await s.run("sudo du -h -d1 /var")).stdout).toBe("181M\t/var/cache\n97M\t/var/lib\n360K\t/var/log\n12K\t/var/spool\n4.0K\t/var/tmp\n277M\t/var\n");
  });
});

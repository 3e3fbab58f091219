import { describe, expect, it } from "vitest";
import * as fs from "../../state/fs.ts";
import { baseSession, TEST_NOW } from "../../testkit.ts";

describe("du over a huge directory", () => {
  it("counts inodes with --inodes and sums counted files without listing them", async () => {
    const s = baseSession();
    const st = s.host.state;
    const dir = fs.mkdir(st, fs.ROOT, "/srv/d", { uid: 1000, gid: 1000 });
    fs.mkdir(st, fs.ROOT, "/srv/d/sub", { uid: 1000, gid: 1000 });
    fs.createFile(st, fs.ROOT, "/srv/d/sub/f", "x", { uid: 1000, gid: 1000 });
    dir.bulk = [{ prefix: "s", start: 0, end: 300_000, size: 100, uid: 1000, gid: 1000, mode: 0o600, mtimeMs: TEST_NOW, mtimeStepMs: 0 }];
    expect((await s.run("du --inodes /srv/d")).stdout).toBe("2\t/srv/d/sub\n300003\t/srv/d\n");
    expect((await s.run("du -s --inodes /srv/d")).stdout).toBe("300003\t/srv/d\n");
    // 300 000 files of one 4 KiB block each, two directories and one small file.
    expect((await s.run("du -sk /srv/d")).stdout).toBe(`${300_000 * 4 + 4 + 4 + 4}\t/srv/d\n`);
    expect((await s.run("du -sh /srv/d")).stdout).toBe("1.2G\t/srv/d\n");
  });
});

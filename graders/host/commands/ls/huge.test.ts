import { describe, expect, it } from "vitest";
import * as fs from "../../state/fs.ts";
import { baseSession, TEST_NOW } from "../../testkit.ts";
import { nameBlock } from "./huge.ts";

describe("ls over a huge directory", () => {
  it("prints the same listing as for small directories, sorted by name, time or not at all", async () => {
    const s = baseSession();
    const st = s.host.state;
    const dir = fs.mkdir(st, fs.ROOT, "/srv/q", { uid: 1000, gid: 1000, mtimeMs: TEST_NOW });
    // Names of two widths (9998..10004 sort as 10000.. before 9998 by name), and a real file among them.
    dir.bulk = [
      { prefix: "m", start: 9_990, end: 10_010, size: 10, uid: 1000, gid: 1000, mode: 0o600, mtimeMs: TEST_NOW - 3600_000 - 9_990 * 60_000, mtimeStepMs: 60_000 },
      { prefix: "m", start: 20_000, end: 26_000, size: 10, uid: 1000, gid: 1000, mode: 0o600, mtimeMs: TEST_NOW - 86400_000 * 30, mtimeStepMs: 0 },
    ];
    fs.createFile(st, fs.ROOT, "/srv/q/m15", "hello", { uid: 1000, gid: 1000, mtimeMs: TEST_NOW - 10_000 });
    const names = (await s.run("ls /srv/q")).stdout.split("\n").slice(0, -1);
    expect(names).toHaveLength(6_021);
    expect(names).toEqual([...names].sort());
    expect(names.slice(0, 3)).toEqual(["m10000", "m10001", "m10002"]);
    expect((await s.run("ls -r /srv/q | head -2")).stdout).toBe("m9999\nm9998\n");
    expect((await s.run("ls -t /srv/q | head -3")).stdout).toBe("m15\nm10009\nm10008\n");
    // -r reverses the whole comparison, the name tie-break included.
    expect((await s.run("ls -tr /srv/q | head -2")).stdout).toBe("m25999\nm25998\n");
    expect((await s.run("ls -f /srv/q | head -4")).stdout).toBe(".\n..\nm15\nm9990\n");
    const long = (await s.run("ls -l /srv/q")).stdout.split("\n");
    expect(long[0]).toBe("total 24084");
    // One size column for all: the real file's 5 bytes pad to the counted files' 10.
    expect(long[1]).toMatch(/^-rw------- 1 admin admin 10 Nov 2[45] \d\d:\d\d m10000$/);
    expect(long.find((l) => l.endsWith(" m15"))).toBe("-rw-r--r-- 1 admin admin  5 Nov 25 08:59 m15");
    expect(long.find((l) => l.endsWith(" m20000"))).toMatch(/^-rw------- 1 admin admin 10 Oct 2[56] \d\d:\d\d m20000$/);
  });

  it("counts names up and down in place", () => {
    expect(nameBlock("s", 98, 100, false)).toBe("s98\ns99\n");
    expect(nameBlock("s", 100, 103, true)).toBe("s102\ns101\ns100\n");
    expect(nameBlock("s", 5, 5, false)).toBe("");
  });
});

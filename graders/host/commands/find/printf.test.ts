import { describe, expect, it } from "vitest";
import * as fs from "../../state/fs.ts";
import { baseSession, TEST_NOW } from "../../testkit.ts";

describe("find -printf", () => {
  it("formats GNU find's directives and escapes", async () => {
    const s = baseSession();
    const st = s.host.state;
    fs.mkdir(st, fs.ROOT, "/srv/p", { uid: 1000, gid: 1000, mtimeMs: TEST_NOW });
    fs.createFile(st, fs.ROOT, "/srv/p/a.log", "x".repeat(5000), { uid: 1000, gid: 1000, mode: 0o640, mtimeMs: Date.UTC(2026, 10, 20, 7, 5, 9) });
    expect((await s.run("find /srv/p -type f -printf '%p %f %h %s %k %m %M %u:%g %U %n %y %d\\n'")).stdout).toBe("/srv/p/a.log a.log /srv/p 5000 8 640 -rw-r----- admin:admin 1000 1 f 1\n");
    expect((await s.run("find /srv/p -name '*.log' -printf '%TY-%Tm-%Td %TH:%TM %T@ %t\\n'")).stdout).toBe("2026-11-20 07:05 1795158309.0000000000 Fri Nov 20 07:05:09.0000000000 2026\n");
    expect((await s.run("cd /srv && find p -printf '%P|'")).stdout).toBe("|a.log|");
    expect((await s.run("find /srv/p -printf")).stderr).toBe("find: missing argument to `-printf'\n");
  });
});

import { describe, expect, it } from "vitest";
import * as fs from "../state/fs.ts";
import { baseSession, TEST_NOW } from "../testkit.ts";
import type { Session } from "./session.ts";
import { globWords } from "./arglist.ts";

/** /srv/spool with 400 000 counted files q0..q399999 and two real ones. */
function spool(s: Session): void {
  const st = s.host.state;
  const dir = fs.mkdir(st, fs.ROOT, "/srv/spool", { uid: 1000, gid: 1000 });
  dir.bulk = [{ prefix: "q", start: 0, end: 400_000, size: 90, uid: 1000, gid: 1000, mode: 0o644, mtimeMs: TEST_NOW - 86400_000, mtimeStepMs: 100 }];
  fs.createFile(st, fs.ROOT, "/srv/spool/README", "x", { uid: 1000, gid: 1000 });
  fs.createFile(st, fs.ROOT, "/srv/spool/.hidden", "x", { uid: 1000, gid: 1000 });
}

describe("globs over huge directories", () => {
  it("finds the words bash will expand, quoted ones excluded", () => {
    expect(globWords(`rm -f /a/b/* 'x*' "y*" c\\*d sess_4?[0-9]`)).toEqual([
      { command: "rm", text: "/a/b/*", dir: "/a/b", base: "*" },
      { command: "rm", text: "sess_4?[0-9]", dir: "", base: "sess_4?[0-9]" },
    ]);
  });

  it("refuses an argument list over ARG_MAX the way bash reports execve's E2BIG", async () => {
    const s = baseSession();
    spool(s);
    expect(await s.run("rm /srv/spool/*")).toEqual({ stdout: "", stderr: "-bash: /usr/bin/rm: Argument list too long\n", exitCode: 126 });
    // In a pipeline the next command still runs and sets the status.
    expect(await s.run("cd /srv/spool && ls q* | wc -l")).toEqual({ stdout: "0\n", stderr: "-bash: /usr/bin/ls: Argument list too long\n", exitCode: 0 });
    // Nothing was removed, and a glob naming a few files works as usual, dotfiles excluded.
    expect(fs.countEntries(fs.resolve(s.host.state, fs.ROOT, "/srv/spool").inode as never)).toBe(400_002);
    expect((await s.run("ls /srv/spool/q39999?")).stdout).toBe(Array.from({ length: 10 }, (_, i) => `/srv/spool/q39999${i}\n`).join(""));
    expect((await s.run("echo /srv/spool/[R]*")).stdout).toBe("/srv/spool/README\n");
    expect(await s.run("rm /srv/spool/q1234?")).toMatchObject({ exitCode: 0 });
    expect(fs.countEntries(fs.resolve(s.host.state, fs.ROOT, "/srv/spool").inode as never)).toBe(399_992);
  });

  it("removes what find lists through xargs rm, with rm's errors and xargs' status", async () => {
    const s = baseSession();
    spool(s);
    expect(await s.run("find /srv/spool -name 'q3*' -print0 | xargs -0 rm")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    expect((await s.run("ls /srv/spool | wc -l")).stdout).toBe(`${400_001 - 111_111}\n`);
    expect(await s.run("printf '/srv/spool/q1\\n/srv/spool/nope\\n' | xargs rm")).toEqual({ stdout: "", stderr: "rm: cannot remove '/srv/spool/nope': No such file or directory\n", exitCode: 123 });
    expect(await s.run("printf '/srv/spool/q2 /srv/spool/nope' | xargs rm -fv")).toEqual({ stdout: "removed '/srv/spool/q2'\n", stderr: "", exitCode: 0 });
    expect(await s.run("find /srv/spool -name 'q4*' -exec rm {} +")).toMatchObject({ exitCode: 0 });
    expect(await s.run("ls /srv/spool/q4")).toMatchObject({ exitCode: 2 });
  });
});

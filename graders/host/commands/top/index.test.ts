import { describe, expect, it } from "vitest";
import { startScenario } from "../../scenarios/runtime.ts";
import { baseSession } from "../../testkit.ts";

describe("top -b", () => {
  it("prints procps-ng 4.0.2's summary area and task table", async () => {
    const run = startScenario("disk-full-deleted-log", 3);
    const lines = (await run.session.run("top -bn1")).stdout.split("\n");
    expect(lines[0]).toMatch(/^top - \d\d:\d\d:\d\d up 3 days,  7:12,  1 user,  load average: \d+\.\d\d, \d+\.\d\d, \d+\.\d\d$/);
    expect(lines[1]).toMatch(/^Tasks: +\d+ total, +\d+ running, +\d+ sleeping, +0 stopped, +0 zombie$/);
    expect(lines[2]).toMatch(/^%Cpu\(s\): +\d+\.\d us, +\d+\.\d sy,  0\.0 ni, +\d+\.\d id,  0\.0 wa,  0\.0 hi,  0\.0 si,  0\.0 st$/);
    expect(lines[3]).toMatch(/^MiB Mem :   1967\.0 total, +\d+\.\d free, +\d+\.\d used, +\d+\.\d buff\/cache$/);
    expect(lines[4]).toMatch(/^MiB Swap:      0\.0 total,      0\.0 free,      0\.0 used\. +\d+\.\d avail Mem$/);
    expect(lines[5]).toBe("");
    expect(lines[6]).toBe("    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND");
    // The busiest process comes first: the app, at its 3 % of a CPU.
    expect(lines[7]).toMatch(/^ +\d+ app       20   0 1254112 +\d+ +\d+ S   3\.0 +\d\.\d +\d+:\d\d\.\d\d app-server$/);
    expect(lines[8]).toMatch(/^      1 root      20   0  103916  12632 +\d+ S   0\.0   0\.6 +\d+:\d\d\.\d\d systemd$/);
  });

  it("filters by user and pid, shows full command lines with -c, and counts frames", async () => {
    const s = baseSession();
    const out = (await s.run("top -b -n 1 -u admin -c")).stdout;
    expect(out).toMatch(/ -bash\n/);
    expect(out).not.toMatch(/ root /);
    expect((await s.run("top -bn2 -p 1")).stdout.match(/^top - /gm)?.length).toBe(2);
    expect((await s.run("nproc")).stdout).toBe("2\n");
  });
});

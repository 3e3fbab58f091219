import { describe, expect, it } from "vitest";
import { baseSession } from "../../testkit.ts";

describe("uptime", () => {
  it("prints procps's line: clock, days and H:MM, users, three load averages", async () => {
    const s = baseSession();
    const r = await s.run("uptime");
    expect(r.stdout).toMatch(/^ \d\d:\d\d:\d\d up \d+ days, [ \d]\d:\d\d,  1 user,  load average: \d+\.\d\d, \d+\.\d\d, \d+\.\d\d\n$/);
    const bootAge = s.host.now - s.host.state.clock.bootMs;
    const days = Math.floor(bootAge / 86400_000);
    expect(r.stdout).toContain(` up ${days} days, `);
  });

  it("uses minutes alone in the first hour and counts load from busy processes", async () => {
    const s = baseSession();
    s.host.state.clock.bootMs = s.host.now - 5 * 60_000 - 30_000;
    for (const p of Object.values(s.host.state.procs)) p.startMs = Math.max(p.startMs, s.host.state.clock.bootMs);
    const pid = Object.values(s.host.state.procs).find((p) => p.comm === "cron")!.pid;
    s.host.state.procs[pid]!.cpuShare = 2;
    const r = await s.run("uptime");
    expect(r.stdout).toMatch(/ up 5 min,  1 user,  load average: /);
    const [one, five, fifteen] = r.stdout.split("load average: ")[1]!.trim().split(", ").map(Number) as [number, number, number];
    expect(one).toBeGreaterThan(1.9);
    expect(five).toBeLessThan(one);
    expect(fifteen).toBeLessThan(five);
    expect((await s.run("uptime -p")).stdout).toBe("up 5 minutes\n");
  });
});

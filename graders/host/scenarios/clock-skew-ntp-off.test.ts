import { describe, expect, it } from "vitest";
import { judge, startScenario, type ScenarioRun } from "./runtime.ts";
import { failing, type, expectSeeded, restarted } from "./testkit.ts";

const SLUG = "clock-skew-ntp-off";
const SEEDS = [1, 2, 3, 42, 1234];

const RUNNING = "app.service is running";
const HEALTH = "The app answers its health check";
const CLOCK = "The system clock is within a second of the correct time";
const NTP = "NTP synchronization is on, and stays on after a reboot";
const SYNCED = "The system clock is synchronized";
const ALL = [RUNNING, HEALTH, CLOCK, NTP, SYNCED];
const BROKEN = [HEALTH, CLOCK, NTP, SYNCED];
const port = (run: ScenarioRun) => Number(run.session.host.state.units["app.service"]!.params.port);
const skew = (run: ScenarioRun) => run.session.host.state.clock.skewMs ?? 0;

describe("scenario clock-skew-ntp-off", () => {
  it.each(SEEDS)("starts broken the way the statement says (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    expect(failing(run)).toEqual(BROKEN);
    expect(skew(run)).toBeLessThan(-5 * 60_000);
    expect(await type(run, "systemctl is-active app")).toBe("active\n");
    expect(await type(run, `curl -s localhost:${port(run)}/health`)).toMatch(/^\{"status":"unhealthy","error":"upstream [a-z-]+\.internal: 403 Forbidden: Signature expired: \S+Z is now earlier than \S+Z \(\S+Z - 5 min\.\)"\}\n$/);
    const status = await type(run, "timedatectl");
    expect(status).toMatch(/^ {15}Local time: \w{3} \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\n {11}Universal time: .* UTC\n {17}RTC time: \w{3} \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\n {16}Time zone: Etc\/UTC \(UTC, \+0000\)\nSystem clock synchronized: no\n {14}NTP service: inactive\n {10}RTC in local TZ: no\n$/);
    // The RTC (hypervisor clock) is ahead of the system clock by the skew.
    const utc = /Universal time: \w{3} (\S+ \S+) UTC/.exec(status)?.[1] ?? "";
    const rtc = /RTC time: \w{3} (\S+ \S+)/.exec(status)?.[1] ?? "";
    expect(Date.parse(`${rtc}Z`) - Date.parse(`${utc}Z`)).toBeGreaterThan(5 * 60_000);
    expect(await type(run, "timedatectl show -p NTP -p NTPSynchronized")).toBe("NTP=no\nNTPSynchronized=no\n");
    const journal = await type(run, "journalctl | grep COMMAND=");
    expect(journal).toContain("COMMAND=/usr/bin/timedatectl set-ntp false\n");
    expect(journal).toMatch(/COMMAND=\/usr\/bin\/date -s \d{4}-\d\d-\d\d \d\d:\d\d:00\n/);
    expect(await type(run, "systemctl is-enabled systemd-timesyncd")).toBe("disabled\n");
    run.session.host.advance(5 * 60_000);
    expect(failing(run)).toEqual(BROKEN);
  });

  it.each(SEEDS)("is solved by the reference fix (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    for (const line of run.scenario.referenceFix(run.session.host)) expect((await run.session.run(line)).exitCode).toBe(0);
    expect(judge(run.scenario, run.session.host)).toEqual({ solved: true, checks: ALL.map((name) => ({ name, ok: true })) });
    expect(await type(run, "journalctl -u systemd-timesyncd -n 2")).toMatch(/systemd-timesyncd\[\d+\]: Contacted time server 10\.0\.0\.\d+:123 \(ntp\.internal\)\.\n.*systemd-timesyncd\[\d+\]: Initial clock synchronization to \w{3} \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6} UTC\.\n$/);
    expect(await type(run, `curl -s localhost:${port(run)}/health`)).toBe('{"status":"ok"}\n');
    run.session.host.advance(10 * 60_000);
    expect(judge(run.scenario, run.session.host).solved).toBe(true);
  });

  it("is solved by enabling and starting systemd-timesyncd with systemctl", async () => {
    const run = startScenario(SLUG, 7);
    await type(run, "sudo systemctl enable systemd-timesyncd", "sudo systemctl start systemd-timesyncd");
    expect(judge(run.scenario, run.session.host).solved).toBe(true);
  });

  it("is not solved by setting the time by hand, nor by starting NTP without enabling it", async () => {
    const a = startScenario(SLUG, 8);
    const rtc = /RTCTimeUSec=\w{3} (\S+ \S+) UTC/.exec(await type(a, "timedatectl show"))?.[1] ?? "";
    expect((await a.session.run(`sudo date -s '${rtc}'`)).exitCode).toBe(0);
    expect(failing(a)).toEqual([CLOCK, NTP, SYNCED]);
    const b = startScenario(SLUG, 9);
    await type(b, "sudo systemctl start systemd-timesyncd");
    expect(failing(b)).toEqual([NTP]);
  });

  it("refuses changes without root and set-time while NTP runs; NTP corrects a later manual step", async () => {
    const run = startScenario(SLUG, 10);
    expect(await run.session.run("timedatectl set-ntp true")).toEqual({ stdout: "", stderr: "Failed to set ntp: Access denied\n", exitCode: 1 });
    expect((await run.session.run("date -s '2026-11-25 10:00:00'")).stderr).toBe("date: cannot set date: Operation not permitted\n");
    await type(run, "sudo timedatectl set-ntp true");
    expect(await run.session.run("sudo timedatectl set-time '2026-11-25 10:00:00'")).toEqual({ stdout: "", stderr: "Failed to set time: Automatic time synchronization is enabled\n", exitCode: 1 });
    await type(run, "sudo date -s '2026-11-25 10:00:00'");
    expect(failing(run)).toEqual([HEALTH, CLOCK, SYNCED]);
    run.session.host.advance(70_000);
    expect(judge(run.scenario, run.session.host).solved).toBe(true);
  });

  it("varies by seed, reproduces, and survives save and restore", async () => {
    const run = startScenario(SLUG, 21);
    expectSeeded(SLUG);
    const again = restarted(run);
    await type(again, "sudo timedatectl set-ntp 1");
    expect(judge(again.scenario, again.session.host).solved).toBe(true);
    expect(judge(run.scenario, run.session.host).solved).toBe(false);
  });
});

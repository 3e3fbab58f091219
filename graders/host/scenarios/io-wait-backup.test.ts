import { describe, expect, it } from "vitest";
import { judge, startScenario, type ScenarioRun } from "./runtime.ts";
import { failing, type, expectSeeded, restarted } from "./testkit.ts";

const SLUG = "io-wait-backup";
const SEEDS = [1, 2, 3, 42, 1234];
const FAST = "catalog-api answers its health check within its latency budget";
const KEPT = "Today's backup is still running or has completed";
const NEXT = "The next scheduled backup will not starve the API";
const ALL = [FAST, KEPT, NEXT];
const port = (run: ScenarioRun): number => Number(run.session.host.state.units["catalog-api.service"]!.params.port);
const CRON_FIX = "sudo sed -i 's# root /usr/local/sbin/backup-data# root ionice -c3 /usr/local/sbin/backup-data#' /etc/cron.d/backup-data";

describe("scenario io-wait-backup", () => {
  it.each(SEEDS)("starts broken the way the statement says (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    expect(failing(run)).toEqual([FAST, NEXT]);
    expect(await type(run, `curl -s localhost:${port(run)}/health`)).toMatch(/^\{"status":"degraded","p99_ms":\d{3,4},"budget_ms":500\}\n$/);
    expect(await type(run, "journalctl -u catalog-api -n 1 --no-pager")).toMatch(/catalog-api\[\d+\]: WARN p99 latency \d+ms over the last 60s/);
    // The disk is saturated and a task waits in D; the API's own CPU is small.
    const io = (await type(run, "iostat -dx 1 2")).trimEnd().split("\n").pop()!.trim().split(/ +/);
    expect(io[0]).toBe("vda");
    expect(Number(io[22])).toBe(100);
    expect(Number(io[5])).toBeGreaterThan(20);
    const vm = (await type(run, "vmstat 1 2")).trimEnd().split("\n").pop()!.trim().split(/ +/).map(Number);
    expect(vm[1]).toBe(1);
    expect(vm[15]).toBeGreaterThanOrEqual(30);
    expect(await type(run, "ps -o stat=,cmd= -C tar")).toMatch(/^D +tar czf \/var\/backups\/data-2026-11-26\.tar\.gz -C \/srv data\n$/);
    expect(await type(run, "ps -o cmd= -p $(ps -o ppid= -p $(pgrep -x tar))")).toBe("/bin/bash /usr/local/sbin/backup-data\n");
    expect(await type(run, "ionice -p $(pgrep -x tar)")).toBe("none: prio 0\n");
    expect(await type(run, "cat /etc/cron.d/backup-data")).toContain("0 13 * * * root /usr/local/sbin/backup-data\n");
    expect(await type(run, "journalctl -t backup-data --no-pager | grep -c 'backup finished'")).toBe("2\n");
    // /proc/PID/io: tar's reads climb by tens of megabytes a second.
    const readBytes = async (): Promise<number> => Number(/read_bytes: (\d+)/.exec(await type(run, "sudo cat /proc/$(pgrep -x tar)/io"))?.[1]);
    const before = await readBytes();
    run.session.host.advance(10_000);
    expect((await readBytes()) - before).toBeGreaterThan(300_000_000);
  });

  it.each(SEEDS)("is solved by the reference fix (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    for (const line of run.scenario.referenceFix(run.session.host)) expect((await run.session.run(line)).exitCode).toBe(0);
    expect(judge(run.scenario, run.session.host)).toEqual({ solved: true, checks: ALL.map((name) => ({ name, ok: true })) });
    // The backup still finishes, later than it would have, and records its success.
    run.session.host.advance(3 * 3600_000);
    expect(await type(run, "journalctl -t backup-data --no-pager | tail -1")).toMatch(/backup finished: \/var\/backups\/data-2026-11-26\.tar\.gz \(\d+G\) in \d+m\n$/);
    expect(judge(run.scenario, run.session.host).solved).toBe(true);
  });

  it("is solved by moving the job back to the night after ionicing tar by name", async () => {
    const run = startScenario(SLUG, 5);
    await type(run, "sudo ionice -c idle -p $(pgrep -x tar)", "sudo sed -i 's/^0 13 /0 3 /' /etc/cron.d/backup-data");
    expect(failing(run)).toEqual([]);
  });

  it("is not solved by renice, best-effort level 7, or idling only gzip", async () => {
    const run = startScenario(SLUG, 6);
    await type(run, "sudo renice -n 19 -p $(pgrep -x tar)", "sudo ionice -c2 -n7 -p $(pgrep -x tar)", "sudo ionice -c3 -p $(pgrep -x gzip)", CRON_FIX);
    expect(failing(run)).toEqual([FAST]);
  });

  it("is not solved by killing or stopping the backup", async () => {
    const a = startScenario(SLUG, 7);
    await type(a, "sudo pkill -x tar", CRON_FIX);
    a.session.host.advance(5_000);
    expect(failing(a)).toEqual([KEPT]);
    expect(await type(a, "journalctl -t backup-data --no-pager | tail -1")).toMatch(/backup FAILED/);
    const b = startScenario(SLUG, 8);
    await type(b, "sudo kill -STOP $(pgrep -x tar)", CRON_FIX);
    expect(failing(b)).toEqual([KEPT]);
  });

  it("needs root for another user's process, varies by seed, and survives save and restore", async () => {
    const run = startScenario(SLUG, 21);
    expect(await type(run, "ionice -c3 -p $(pgrep -x tar)")).toBe("ionice: ioprio_set failed: Operation not permitted\n");
    expectSeeded(SLUG);
    const again = restarted(run);
    for (const line of again.scenario.referenceFix(again.session.host)) await type(again, line);
    expect(failing(again)).toEqual([]);
    expect(judge(run.scenario, run.session.host).solved).toBe(false);
  });
});

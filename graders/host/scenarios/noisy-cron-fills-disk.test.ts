import { describe, expect, it } from "vitest";
import { judge, startScenario, type ScenarioRun } from "./runtime.ts";
import { failing, type, expectSeeded, restarted } from "./testkit.ts";
import { usePercent } from "./checks.ts";

const SLUG = "noisy-cron-fills-disk";
const SEEDS = [1, 2, 3, 42, 1234];
const CRON_FILE = "/etc/cron.d/gw-debug";

const BELOW = "Disk usage on / is below 80%";
const STEADY = "/ is no longer filling up";
const CRON = "cron is running";
const BACKUPS = "The database backups in /var/backups/db are still there";
const SCHEDULED = "The nightly database backup is still scheduled";
const ALL = [BELOW, STEADY, CRON, BACKUPS, SCHEDULED];

const use = (run: ScenarioRun): number => usePercent(run.session.host, "/");

describe("scenario noisy-cron-fills-disk", () => {
  it.each(SEEDS)("starts broken the way the statement says (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    expect(failing(run)).toEqual([BELOW, STEADY]);
    expect(await type(run, "df -h /")).toMatch(/^\/dev\/vda1 +30G +\d+G +[\d.]+[MG] +9[5-9]% \/$/m);
    const du = await type(run, "sudo du -xs /var/tmp/gw-debug /var/backups/db");
    const [dumps, backups] = du.trim().split("\n").map((l) => Number(l.split("\t")[0]));
    expect(dumps).toBeGreaterThan(15 * 1024 * 1024);
    expect(backups).toBeGreaterThan(4 * 1024 * 1024);
    expect(await type(run, "ls -t /var/tmp/gw-debug | head -1")).toMatch(/^state-20261127-\d{4}\.json\n$/);
    expect(await type(run, "journalctl -u cron --since '-25min'")).toMatch(/CRON\[\d+\]: \(root\) CMD \(\/usr\/local\/bin\/gw-debug-dump --all > \/var\/tmp\/gw-debug\/state-\$\(date \+\\%Y\\%m\\%d-\\%H\\%M\)\.json 2>&1\)\n/);
    const newest = (await type(run, "ls -t /var/tmp/gw-debug | head -1")).trim();
    expect(await type(run, `head -c 22 /var/tmp/gw-debug/${newest}`)).toMatch(/^\{"ts":"2026-11-27T/);
    // It keeps growing, one dump per run.
    const before = use(run);
    run.session.host.advance(21 * 60_000);
    expect(use(run)).toBeGreaterThan(before + 0.2);
  });

  it.each(SEEDS)("is solved by the reference fix (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    for (const line of run.scenario.referenceFix(run.session.host)) expect((await run.session.run(line)).exitCode).toBe(0);
    expect(judge(run.scenario, run.session.host)).toEqual({ solved: true, checks: ALL.map((name) => ({ name, ok: true })) });
    const before = use(run);
    run.session.host.advance(30 * 60_000);
    expect(use(run)).toBeCloseTo(before, 1);
  });

  it("is solved by commenting the job out or sending its output to /dev/null, then deleting the dumps", async () => {
    const a = startScenario(SLUG, 5);
    await type(a, `sudo sed -i 's/^\\*/#*/' ${CRON_FILE}`, "sudo find /var/tmp/gw-debug -name 'state-*.json' -delete");
    expect(failing(a)).toEqual([]);
    const b = startScenario(SLUG, 6);
    await type(b, `sudo sed -i 's| > /var/tmp/gw-debug/.*json| > /dev/null|' ${CRON_FILE}`, "sudo rm -r /var/tmp/gw-debug");
    expect(failing(b)).toEqual([]);
    b.session.host.advance(30 * 60_000);
    expect(await type(b, `journalctl -u cron -n 40 | grep -c 'CMD (/usr/local/bin/gw-debug-dump --all > /dev/null 2>&1)'`)).not.toBe("0\n");
  });

  it("is not solved by deleting the dumps only: the job keeps writing new ones", async () => {
    const run = startScenario(SLUG, 7);
    await type(run, "sudo rm -rf /var/tmp/gw-debug/*");
    expect(failing(run)).toEqual([STEADY]);
  });

  it("is not solved by stopping cron or by deleting everything in /etc/cron.d", async () => {
    const a = startScenario(SLUG, 8);
    await type(a, "sudo systemctl stop cron", "sudo rm -rf /var/tmp/gw-debug");
    expect(failing(a)).toEqual([CRON, SCHEDULED]);
    const b = startScenario(SLUG, 9);
    await type(b, "sudo rm -f /etc/cron.d/gw-debug /etc/cron.d/db-backup", "sudo rm -rf /var/tmp/gw-debug");
    expect(failing(b)).toEqual([SCHEDULED]);
  });

  it("is not solved by deleting the database backups to make room", async () => {
    const run = startScenario(SLUG, 10);
    await type(run, `sudo rm ${CRON_FILE}`, "sudo rm -rf /var/backups/db/*");
    // The glob is expanded by admin's shell, which may not read the 0700 directory: nothing matched, nothing went.
    expect(failing(run)).toEqual([BELOW]);
    await type(run, "sudo rm -rf /var/backups/db", "sudo rm -rf /var/tmp/gw-debug");
    expect(failing(run)).toEqual([BACKUPS]);
  });

  it("varies by seed, reproduces, and survives save and restore", async () => {
    expectSeeded(SLUG);
    const run = startScenario(SLUG, 21);
    const again = restarted(run);
    for (const line of again.scenario.referenceFix(again.session.host)) await type(again, line);
    expect(judge(again.scenario, again.session.host).solved).toBe(true);
    expect(judge(run.scenario, run.session.host).solved).toBe(false);
  });
});

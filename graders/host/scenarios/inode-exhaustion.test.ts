import { describe, expect, it } from "vitest";
import * as fs from "../state/fs.ts";
import { countEntries } from "../state/fs.ts";
import type { DirInode } from "../state/types.ts";
import { judge, startScenario, type ScenarioRun } from "./runtime.ts";
import { failing, type, expectSeeded, restarted } from "./testkit.ts";

const SLUG = "inode-exhaustion";
const SEEDS = [1, 2, 3, 42, 1234];
const DIR = "/var/lib/app/sessions";

const INODES = "Inode use on / is below 90 %";
const KEPT = `${DIR} exists and belongs to app`;
const LIVE = "Sessions of users active in the last hour are still there";
const HEALTH = "webapp answers its health check";
const ALL = [INODES, KEPT, LIVE, HEALTH];

const dir = (run: ScenarioRun): DirInode => fs.resolve(run.session.host.state, fs.ROOT, DIR).inode as DirInode;
const port = (run: ScenarioRun): number => Number(run.session.host.state.units["webapp.service"]!.params.port);
/** Runs a line and returns its output with how long it took on the wall clock. */
async function timed(run: ScenarioRun, line: string): Promise<{ out: string; ms: number; exitCode: number }> {
  const t = performance.now();
  const r = await run.session.run(line);
  return { out: r.stdout + r.stderr, ms: performance.now() - t, exitCode: r.exitCode };
}

describe("scenario inode-exhaustion", () => {
  it.each(SEEDS)("starts broken the way the statement says (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    expect(failing(run)).toEqual([INODES, HEALTH]);
    expect(await type(run, "df -h /")).toMatch(/^\/dev\/vda1 +20G +\d\.\dG +1\dG +3\d% \/$/m);
    expect(await type(run, "df -i /")).toMatch(/^\/dev\/vda1 +1310720 1310720 +0 +100% \/$/m);
    expect(await type(run, `curl -s localhost:${port(run)}/health`)).toBe(`{"status":"unhealthy","checks":{"sessions":"open ${DIR}/.healthcheck: no space left on device"}}\n`);
    expect(await type(run, "journalctl -u webapp -n 1 --no-pager")).toMatch(/webapp\[\d+\]: ERROR POST \/login: session store: open \/var\/lib\/app\/sessions\/sess_\d+: no space left on device\n$/);
    // Root can still create files in the reserved blocks, but not without an inode.
    expect(await type(run, "sudo touch /root/x")).toBe("touch: cannot touch '/root/x': No space left on device\n");
    expect(await type(run, "ls /var/lib/app")).toBe("ls: cannot open directory '/var/lib/app': Permission denied\n");
    const count = countEntries(dir(run));
    expect(count).toBeGreaterThan(1_200_000);
    expect(await type(run, `sudo ls ${DIR} | wc -l`)).toBe(`${count}\n`);
    expect(await type(run, `sudo du --inodes -s ${DIR}`)).toBe(`${count + 1}\t${DIR}\n`);
    // The cleanup job still runs, at a path that no longer exists.
    expect(await type(run, "cat /etc/cron.d/webapp-sessions")).toContain("app find /var/lib/app/session -type f -mmin +1440 -delete\n");
    expect(await type(run, "journalctl -u cron --no-pager | grep -c 'No MTA installed'")).toMatch(/^2[345]\n$/);
    // Live sessions are the last hour's; the rest are weeks old.
    expect(Number(await type(run, `sudo find ${DIR} -type f -mmin -60 | wc -l`))).toBeGreaterThanOrEqual(250);
    expect(await type(run, `sudo ls -ltr ${DIR} | sed -n 2p`)).toMatch(/^-rw------- 1 app app 1\d\d (Sep|Oct) [ 123]\d  2026 sess_\d+\n$|^-rw------- 1 app app 1\d\d (Sep|Oct) [ 123]\d \d\d:\d\d sess_\d+\n$/);
  });

  it.each(SEEDS)("is solved by the reference fix (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    for (const line of run.scenario.referenceFix(run.session.host)) expect((await run.session.run(line)).exitCode).toBe(0);
    expect(judge(run.scenario, run.session.host)).toEqual({ solved: true, checks: ALL.map((name) => ({ name, ok: true })) });
    // New logins work again: the app writes real session files.
    run.session.host.advance(2 * 60_000);
    expect(Object.keys(dir(run).entries).some((n) => n.startsWith("sess_"))).toBe(true);
    expect(await type(run, "journalctl -u webapp -n 1 --no-pager")).toMatch(/session store: writes succeeding again\n$/);
  });

  it("is solved by find -print0 | xargs -0 rm as root, and every step is quick", async () => {
    const run = startScenario(SLUG, 5);
    await type(run, "sudo -i");
    expect((await timed(run, `rm ${DIR}/*`)).out).toBe("-bash: /usr/bin/rm: Argument list too long\n");
    expect(await type(run, "echo $?")).toBe("126\n");
    const steps = [`ls ${DIR} | wc -l`, `ls -f ${DIR} | head -3`, `du --inodes -s ${DIR}`, `find ${DIR} -type f -mmin -60 -printf '%TY-%Tm-%Td %TH:%TM %u %s %p\\n' | tail -1`];
    for (const line of steps) {
      const r = await timed(run, line);
      expect(r.exitCode, line).toBe(0);
      // Generous for a loaded CI machine; on an idle one these take a few hundred milliseconds at most.
      expect(r.ms, line).toBeLessThan(5_000);
    }
    expect(await type(run, `ls -f ${DIR} | head -2`)).toBe(".\n..\n");
    const r = await timed(run, `cd ${DIR} && find . -type f -mmin +60 -print0 | xargs -0 rm`);
    expect(r).toMatchObject({ out: "", exitCode: 0 });
    expect(r.ms).toBeLessThan(15_000);
    expect(failing(run)).toEqual([]);
  });

  it("is solved by find -mtime +7 -delete", async () => {
    const run = startScenario(SLUG, 6);
    const r = await timed(run, `sudo find ${DIR} -type f -mtime +7 -delete`);
    expect(r).toMatchObject({ out: "", exitCode: 0 });
    expect(r.ms).toBeLessThan(5_000);
    expect(failing(run)).toEqual([]);
  });

  it("is solved by find -exec rm {} +, and a glob that names few files still works", async () => {
    const run = startScenario(SLUG, 7);
    await type(run, "sudo -i", `cd ${DIR}`);
    const newest = `sess_${Number(run.session.host.state.units["webapp.service"]!.params.liveTo) - 1}`;
    expect(await type(run, `ls ${newest.slice(0, -1)}*`)).toContain(`${newest}\n`);
    await type(run, "find . -type f -mmin +120 -exec rm {} +");
    expect(failing(run)).toEqual([]);
  });

  it("is not solved by removing the directory", async () => {
    const run = startScenario(SLUG, 8);
    await type(run, `sudo rm -rf ${DIR}`);
    expect(failing(run)).toEqual([KEPT, LIVE, HEALTH]);
    await type(run, `sudo mkdir -m 700 ${DIR}`, `sudo chown app:app ${DIR}`);
    expect(failing(run)).toEqual([LIVE]);
  });

  it("is not solved by deleting the live sessions too, nor by moving the directory aside", async () => {
    const a = startScenario(SLUG, 9);
    await type(a, `sudo find ${DIR} -type f -mmin +5 -delete`);
    expect(failing(a)).toEqual([LIVE]);
    const b = startScenario(SLUG, 10);
    await type(b, `sudo mv ${DIR} ${DIR}.old`);
    // Not even an empty directory can be made: that needs an inode too.
    expect(await type(b, `sudo mkdir ${DIR}`)).toBe(`mkdir: cannot create directory ‘${DIR}’: No space left on device\n`);
    expect(failing(b)).toEqual([INODES, KEPT, LIVE, HEALTH]);
  });

  it("is not solved by deleting only part of the stale sessions, or as a user who may not", async () => {
    const run = startScenario(SLUG, 11);
    expect(await type(run, `find ${DIR} -type f -delete`)).toBe(`find: '${DIR}': Permission denied\n`);
    await type(run, "sudo -i", `cd ${DIR}`, "ls | head -50000 | xargs rm");
    expect(failing(run)).toEqual([INODES]);
    expect(await type(run, "df -i / | tail -1")).toMatch(/ 9[6-9]% \/\n$/);
  });

  it("varies by seed, reproduces, and survives save and restore", async () => {
    expectSeeded(SLUG);
    const run = startScenario(SLUG, 21);
    const again = restarted(run);
    await type(again, `sudo find ${DIR} -type f -mmin +1440 -delete`);
    expect(failing(again)).toEqual([]);
    expect(judge(run.scenario, run.session.host).solved).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { judge, startScenario, type ScenarioRun } from "./runtime.ts";
import { failing, type, expectSeeded, restarted } from "./testkit.ts";

const SLUG = "zombie-processes";
const SEEDS = [1, 2, 3, 42, 1234];

const RUNNING = "thumbd.service is running";
const HEALTH = "thumbd answers its health check";
const NO_ZOMBIES = "No zombie processes are left";
const REAPS = "thumbd reaps its workers again (no new zombies over the next minutes)";
const ALL = [RUNNING, HEALTH, NO_ZOMBIES, REAPS];

const zombies = (run: ScenarioRun): number => Object.values(run.session.host.state.procs).filter((p) => p.state === "Z").length;
const main = (run: ScenarioRun): number => run.session.host.state.units["thumbd.service"]!.mainPid!;
const port = (run: ScenarioRun): number => Number(run.session.host.state.units["thumbd.service"]!.params.port);

describe("scenario zombie-processes", () => {
  it.each(SEEDS)("starts broken the way the statement says (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    expect(failing(run)).toEqual([HEALTH, NO_ZOMBIES, REAPS]);
    const n = zombies(run);
    expect(n).toBeGreaterThan(150);
    const ps = await type(run, "ps aux");
    const defunct = ps.split("\n").filter((l) => / Z +\d\d:\d\d +\d+:\d\d \[convert\] <defunct>$/.test(l));
    expect(defunct).toHaveLength(n);
    expect(defunct[0]).toMatch(/^thumbd +\d+ +0\.0 +0\.0 +0 +0 \? +Z /);
    const parent = main(run);
    const pid = Object.values(run.session.host.state.procs).find((p) => p.state === "Z")!.pid;
    expect(await type(run, `ps -o ppid= -p ${pid}`)).toBe(`${String(parent).padStart(7)}\n`);
    expect(await type(run, `sudo kill -9 ${pid}`)).toBe("");
    expect(zombies(run)).toBeGreaterThanOrEqual(n);
    expect(await type(run, "journalctl -u thumbd -n 3")).toMatch(/thumbd\[\d+\]: job [0-9a-f]{8}: fork\/exec \/usr\/bin\/convert: resource temporarily unavailable\n/);
    expect(await type(run, `curl -s localhost:${port(run)}/health`)).toContain('"status":"degraded"');
    const limit = Number(/^LimitNPROC=(\d+)$/m.exec(await type(run, "systemctl cat thumbd"))![1]);
    expect(await type(run, `grep 'Max processes' /proc/${parent}/limits`)).toMatch(new RegExp(`^Max processes +${limit} +${limit} +processes\\s*$`));
    const status = await type(run, "systemctl status thumbd");
    expect(status).toMatch(new RegExp(`\\n      Tasks: ${n + 1} \\(limit: 2314\\)\\n`));
    expect(status).toMatch(/\n             [├└]─\d+ \[convert\]\n/);
    const midnight = await type(run, "journalctl --since today --until 00:05");
    expect(midnight).toMatch(/systemd\[1\]: Starting logrotate\.service - Rotate log files\.\.\.\n.*systemd\[1\]: Reloading thumbd\.service - Thumbnail renderer\.\.\.\n.*thumbd\[\d+\]: SIGHUP: reopening \/var\/log\/thumbd\/thumbd\.log\n/);
    expect(await type(run, "uptime")).toMatch(/load average: 0\.\d\d, /);
  });

  it.each(SEEDS)("is solved by the reference fix (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    for (const line of run.scenario.referenceFix(run.session.host)) expect((await run.session.run(line)).exitCode).toBe(0);
    expect(judge(run.scenario, run.session.host)).toEqual({ solved: true, checks: ALL.map((name) => ({ name, ok: true })) });
    expect(await type(run, "ps aux | grep -c '<defunc[t]>'")).toBe("0\n");
    run.session.host.advance(30 * 60_000);
    expect(zombies(run)).toBe(0);
    expect(await type(run, `curl -s localhost:${port(run)}/health`)).toBe('{"status":"ok"}\n');
  });

  it("is solved by killing the parent: systemd starts a new one and init reaps the zombies", async () => {
    const run = startScenario(SLUG, 5);
    const old = main(run);
    await type(run, `sudo kill ${old}`);
    run.session.host.advance(5_000);
    expect(main(run)).not.toBe(old);
    expect(failing(run)).toEqual([]);
  });

  it("is not solved by kill -9 on the zombies, nor by a reload (the same SIGHUP)", async () => {
    const run = startScenario(SLUG, 6);
    await type(run, "sudo pkill -9 -x convert");
    expect(failing(run)).toEqual([HEALTH, NO_ZOMBIES, REAPS]);
    expect(await type(run, "sudo systemctl reload thumbd")).toBe("");
    expect(failing(run)).toEqual([HEALTH, NO_ZOMBIES, REAPS]);
  });

  it("is not solved by raising LimitNPROC without a restart", async () => {
    const run = startScenario(SLUG, 7);
    await type(run, "sudo sed -i 's/^LimitNPROC=.*/LimitNPROC=4096/' /etc/systemd/system/thumbd.service", "sudo systemctl daemon-reload");
    expect(failing(run)).toEqual([HEALTH, NO_ZOMBIES, REAPS]);
  });

  it("varies by seed, reproduces, and survives save and restore", async () => {
    expectSeeded(SLUG);
    const run = startScenario(SLUG, 21);
    const again = restarted(run);
    expect(zombies(again)).toBe(zombies(run));
    await type(again, "sudo systemctl restart thumbd");
    expect(judge(again.scenario, again.session.host).solved).toBe(true);
    expect(judge(run.scenario, run.session.host).solved).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { judge, startScenario, type ScenarioRun } from "./runtime.ts";
import { failing, type, expectSeeded, restarted } from "./testkit.ts";

const SLUG = "config-permission-denied";
const SEEDS = [1, 2, 3, 42, 1234];
const CONFIG = "/etc/app/config.yml";

const RUNNING = "app.service is running";
const HEALTH = "The app answers its health check";
const AS_APP = "app.service still runs as its unprivileged user";
const RESTARTS = "app.service would start again after a restart";
const NOT_WW = `${CONFIG} is not world-writable`;
const ALL = [RUNNING, HEALTH, AS_APP, RESTARTS, NOT_WW];
const unit = (run: ScenarioRun) => run.session.host.state.units["app.service"]!;
/** Wait out RestartSec (at most 20 s) so the crash loop's next attempt has happened. */
const waitForRestart = (run: ScenarioRun): void => run.session.host.advance(25_000);

describe("scenario config-permission-denied", () => {
  it.each(SEEDS)("starts broken the way the statement says (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    expect(failing(run)).toEqual([RUNNING, HEALTH, AS_APP, RESTARTS]);
    const status = await run.session.run("systemctl status app");
    expect(status.exitCode).toBe(3);
    expect(status.stdout).toMatch(/\n     Active: activating \(auto-restart\) \(Result: exit-code\) since .* ago\n/);
    expect(status.stdout).toMatch(/systemd\[1\]: app\.service: Scheduled restart job, restart counter is at \d+\.\n/);
    expect(await type(run, "journalctl -u app -n 3")).toMatch(/app-server\[\d+\]: FATAL load config: open \/etc\/app\/config\.yml: permission denied\n/);
    const ls = await type(run, "ls -l /etc/app");
    expect(ls).toMatch(/^-rw------- 1 root root +\d+ .* config\.yml$/m);
    expect(ls).toMatch(/^-rw-r----- 1 root app +\d+ .* logging\.yml$/m);
    expect(await type(run, `sudo -u app cat ${CONFIG}`)).toBe(`cat: ${CONFIG}: Permission denied\n`);
    expect(await type(run, "systemctl cat app")).toContain("User=app\n");
    // It keeps failing on its own.
    const before = unit(run).restarts;
    waitForRestart(run);
    expect(unit(run).restarts).toBeGreaterThan(before);
    expect(failing(run)).toEqual([RUNNING, HEALTH, AS_APP, RESTARTS]);
  });

  it.each(SEEDS)("is solved by the reference fix (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    for (const line of run.scenario.referenceFix(run.session.host)) expect((await run.session.run(line)).exitCode).toBe(0);
    expect(judge(run.scenario, run.session.host)).toEqual({ solved: true, checks: ALL.map((name) => ({ name, ok: true })) });
    expect(await type(run, `ls -l ${CONFIG}`)).toMatch(/^-rw-r----- 1 root app /);
    expect(await type(run, `sudo -u app head -1 ${CONFIG}`)).toBe("# app-server configuration\n");
    run.session.host.advance(5 * 60_000);
    expect(judge(run.scenario, run.session.host).solved).toBe(true);
  });

  it("is solved by chown to app, and the crash loop recovers without a manual restart", async () => {
    const run = startScenario(SLUG, 7);
    await type(run, `sudo chown app ${CONFIG}`);
    waitForRestart(run);
    expect(await type(run, "systemctl is-active app")).toBe("active\n");
    expect(judge(run.scenario, run.session.host).solved).toBe(true);
  });

  it("is solved by chgrp app + chmod 0640 with a restart", async () => {
    const run = startScenario(SLUG, 8);
    await type(run, `sudo chgrp app ${CONFIG}`, `sudo chmod 0640 ${CONFIG}`, "sudo systemctl restart app");
    expect(judge(run.scenario, run.session.host).solved).toBe(true);
  });

  it("is not solved by chmod 777 or o+w, though the app comes up", async () => {
    const a = startScenario(SLUG, 9);
    await type(a, `sudo chmod 777 ${CONFIG}`, "sudo systemctl restart app");
    expect(failing(a)).toEqual([NOT_WW]);
    const b = startScenario(SLUG, 10);
    await type(b, `sudo chmod o+rw ${CONFIG}`);
    waitForRestart(b);
    expect(failing(b)).toEqual([NOT_WW]);
  });

  it("is not solved by running the service as root", async () => {
    const run = startScenario(SLUG, 11);
    await type(run,
      "sudo sed -i 's/^User=app$/User=root/' /etc/systemd/system/app.service",
      "sudo systemctl daemon-reload",
      "sudo systemctl restart app");
    expect(await type(run, "systemctl is-active app")).toBe("active\n");
    expect(failing(run)).toEqual([AS_APP, RESTARTS]);
  });

  it("is not solved by restarting, and making it readable to the group root does not help the app", async () => {
    const run = startScenario(SLUG, 12);
    await type(run, "sudo systemctl restart app");
    expect(failing(run)).toEqual([RUNNING, HEALTH, AS_APP, RESTARTS]);
    await type(run, `sudo chmod 640 ${CONFIG}`, "sudo systemctl restart app");
    expect(failing(run)).toEqual([RUNNING, HEALTH, AS_APP, RESTARTS]);
  });

  it("is not solved once the file is locked down again after the app came up", async () => {
    const run = startScenario(SLUG, 13);
    await type(run, `sudo chmod 644 ${CONFIG}`, "sudo systemctl restart app");
    expect(judge(run.scenario, run.session.host).solved).toBe(true);
    await type(run, `sudo chmod 600 ${CONFIG}`);
    expect(failing(run)).toEqual([RESTARTS]);
  });

  it("needs root, varies by seed, reproduces, and survives save and restore", async () => {
    const run = startScenario(SLUG, 21);
    expect(await run.session.run(`chmod 644 ${CONFIG}`)).toEqual({ stdout: "", stderr: `chmod: changing permissions of '${CONFIG}': Operation not permitted\n`, exitCode: 1 });
    expect(await type(run, `ls -l ${CONFIG}`)).toMatch(/^-rw------- 1 root root /);
    expectSeeded(SLUG);
    const again = restarted(run);
    await type(again, `sudo chgrp app ${CONFIG}`, `sudo chmod 640 ${CONFIG}`);
    waitForRestart(again);
    expect(judge(again.scenario, again.session.host).solved).toBe(true);
    expect(judge(run.scenario, run.session.host).solved).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { judge, startScenario, type ScenarioRun } from "./runtime.ts";
import { failing, type, expectSeeded, restarted } from "./testkit.ts";

const SLUG = "dangling-config-symlink";
const SEEDS = [1, 2, 3, 42, 1234];
const CONFIG = "/etc/app/config.yml";

const RUNNING = "app.service is running";
const HEALTH = "The app answers its health check";
const LINKED = `${CONFIG} is the deployed release's configuration, linked as the deploy expects`;
const CURRENT = "The release deployed today is still the current one";
const RESTARTS = "app.service would start again after a restart";
const ALL = [RUNNING, HEALTH, LINKED, CURRENT, RESTARTS];
const BROKEN = [RUNNING, HEALTH, LINKED, RESTARTS];
const unit = (run: ScenarioRun) => run.session.host.state.units["app.service"]!;
const release = (run: ScenarioRun) => String(unit(run).params.release);
/** Wait out RestartSec (at most 20 s) so the crash loop's next attempt has happened. */
const waitForRestart = (run: ScenarioRun): void => run.session.host.advance(25_000);

describe("scenario dangling-config-symlink", () => {
  it.each(SEEDS)("starts broken the way the statement says (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    expect(failing(run)).toEqual(BROKEN);
    const status = await run.session.run("systemctl status app");
    expect(status.exitCode).toBe(3);
    expect(status.stdout).toMatch(/\n     Active: activating \(auto-restart\) \(Result: exit-code\) since .* ago\n/);
    expect(await type(run, "journalctl -u app -n 3")).toMatch(/app-server\[\d+\]: FATAL load config: open \/etc\/app\/config\.yml: no such file or directory\n/);
    // ls lists the file; reading it fails.
    expect(await type(run, "ls /etc/app")).toContain("config.yml\n");
    expect(await type(run, `cat ${CONFIG}`)).toBe(`cat: ${CONFIG}: No such file or directory\n`);
    const link = await type(run, `readlink ${CONFIG}`);
    expect(link).toMatch(/^\/opt\/app\/releases\/\d{8}-\d{4}\/config\.yml\n$/);
    expect(await type(run, `namei ${CONFIG}`)).toMatch(/\n {5}\d{8}-\d{4} - No such file or directory\n$/);
    // Three releases left, current is today's, the pinned one was pruned by today's deploy.
    expect((await type(run, "ls /opt/app/releases")).trim().split("\n")).toHaveLength(3);
    expect(await type(run, "readlink /opt/app/current")).toBe(`releases/${release(run)}\n`);
    const deploy = await type(run, "journalctl -t app-deploy");
    const pinned = /releases\/(\d{8}-\d{4})\//.exec(link)?.[1] ?? "";
    expect(deploy).toContain(`app-deploy[`);
    expect(deploy).toContain(`pruned release ${pinned}\n`);
    expect(await type(run, "sudo journalctl -t sudo")).toContain(`deploy : PWD=/home/deploy ; USER=root ; COMMAND=/usr/local/bin/app-deploy /tmp/app-${release(run)}.tar.gz`);
    const before = unit(run).restarts;
    waitForRestart(run);
    expect(unit(run).restarts).toBeGreaterThan(before);
    expect(failing(run)).toEqual(BROKEN);
  });

  it.each(SEEDS)("is solved by the reference fix (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    for (const line of run.scenario.referenceFix(run.session.host)) expect((await run.session.run(line)).exitCode).toBe(0);
    expect(judge(run.scenario, run.session.host)).toEqual({ solved: true, checks: ALL.map((name) => ({ name, ok: true })) });
    const port = Number(unit(run).params.port);
    expect(await type(run, `curl -s localhost:${port}/health`)).toBe('{"status":"ok"}\n');
    run.session.host.advance(5 * 60_000);
    expect(judge(run.scenario, run.session.host).solved).toBe(true);
  });

  it("is solved by linking the release directory itself, and the crash loop recovers on its own", async () => {
    const run = startScenario(SLUG, 7);
    await type(run, `sudo rm ${CONFIG}`, `sudo ln -s /opt/app/releases/${release(run)}/config.yml ${CONFIG}`);
    waitForRestart(run);
    expect(await type(run, "systemctl is-active app")).toBe("active\n");
    expect(judge(run.scenario, run.session.host).solved).toBe(true);
  });

  it("is not solved by an older release's config: the new release needs a setting it lacks", async () => {
    const run = startScenario(SLUG, 8);
    const oldest = (await type(run, "ls /opt/app/releases")).split("\n")[0];
    await type(run, `sudo ln -sfn /opt/app/releases/${oldest}/config.yml ${CONFIG}`, "sudo systemctl restart app");
    expect(await type(run, "journalctl -u app -n 4")).toMatch(/FATAL load config: \/etc\/app\/config\.yml: [a-z]+\.[a-z]+ is required\n/);
    expect(failing(run)).toEqual(BROKEN);
  });

  it("is not solved by a copy of the config, though the app comes up", async () => {
    const run = startScenario(SLUG, 9);
    await type(run, `sudo rm ${CONFIG}`, `sudo cp /opt/app/current/config.yml ${CONFIG}`, `sudo chgrp app ${CONFIG}`, `sudo chmod 640 ${CONFIG}`, "sudo systemctl restart app");
    expect(await type(run, "systemctl is-active app")).toBe("active\n");
    expect(failing(run)).toEqual([LINKED]);
  });

  it("is not solved by rolling current back, nor by a plain ln -s over the broken link", async () => {
    const run = startScenario(SLUG, 10);
    expect(await run.session.run(`sudo ln -s /opt/app/current/config.yml ${CONFIG}`)).toEqual({
      stdout: "", stderr: `ln: failed to create symbolic link '${CONFIG}': File exists\n`, exitCode: 1,
    });
    const previous = (await type(run, "ls /opt/app/releases")).trim().split("\n")[1];
    await type(run, `sudo ln -sfn releases/${previous} /opt/app/current`, `sudo ln -sfn /opt/app/current/config.yml ${CONFIG}`, "sudo systemctl restart app");
    expect(failing(run)).toContain(CURRENT);
    expect(failing(run)).toContain(LINKED);
  });

  it("needs root, varies by seed, reproduces, and survives save and restore", async () => {
    const run = startScenario(SLUG, 21);
    expect((await run.session.run(`ln -sfn /opt/app/current/config.yml ${CONFIG}`)).stderr).toBe(`ln: failed to create symbolic link '${CONFIG}': Permission denied\n`);
    expectSeeded(SLUG);
    const again = restarted(run);
    await type(again, `sudo ln -sfn /opt/app/current/config.yml ${CONFIG}`);
    waitForRestart(again);
    expect(judge(again.scenario, again.session.host).solved).toBe(true);
    expect(judge(run.scenario, run.session.host).solved).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { judge, startScenario, type ScenarioRun } from "./runtime.ts";
import { failing, type, restarted } from "./testkit.ts";

const SLUG = "missing-env-in-unit";
const SEEDS = [1, 2, 3, 42, 1234];
const DROP_IN = "/etc/systemd/system/billing.service.d/override.conf";

const ALL = ["billing.service is running", "billing-api runs with its database settings", "billing-api answers its health check"];
const mainPid = (run: ScenarioRun): number | null => run.session.host.state.units["billing.service"]!.mainPid;

describe("scenario missing-env-in-unit", () => {
  it.each(SEEDS)("starts broken the way the statement says (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    expect(failing(run)).toEqual(ALL);
    const status = await run.session.run("systemctl status billing");
    expect(status.exitCode).toBe(3);
    expect(status.stdout).toMatch(/^× billing\.service - Billing API\n/);
    expect(status.stdout).toMatch(/\n     Active: failed \(Result: exit-code\) since .* ago\n/);
    expect(status.stdout).toMatch(/\n   Main PID: \d+ \(code=exited, status=1\/FAILURE\)\n/);
    const journal = await type(run, "journalctl -u billing -n 5");
    expect(journal).toMatch(/billing-api\[\d+\]: FATAL config: required environment variable DATABASE_URL is not set\n/);
    expect(journal).toMatch(/systemd\[1\]: billing\.service: Main process exited, code=exited, status=1\/FAILURE\n/);
    // The unit no longer loads the file; the file is there, private to root.
    expect(await type(run, "systemctl cat billing")).not.toContain("EnvironmentFile");
    expect(await type(run, "ls -l /etc/billing")).toMatch(/^-rw------- 1 root root \d+ .* env$/m);
    expect(await type(run, "cat /etc/billing/env")).toBe("cat: /etc/billing/env: Permission denied\n");
    expect(await type(run, "sudo grep -c ^DATABASE_URL= /etc/billing/env")).toBe("1\n");
  });

  it.each(SEEDS)("is solved by the reference fix (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    for (const line of run.scenario.referenceFix(run.session.host)) expect((await run.session.run(line)).exitCode).toBe(0);
    expect(judge(run.scenario, run.session.host)).toEqual({ solved: true, checks: ALL.map((name) => ({ name, ok: true })) });
    const pid = mainPid(run)!;
    expect(await type(run, `sudo cat /proc/${pid}/environ | tr '\\0' '\\n' | grep -c ^DATABASE_URL=`)).toBe("1\n");
    expect(await type(run, "systemctl status billing")).toContain("    Drop-In: /etc/systemd/system/billing.service.d\n             └─override.conf\n");
    run.session.host.advance(5 * 60_000);
    expect(judge(run.scenario, run.session.host).solved).toBe(true);
  });

  it("is solved by putting the line back into the unit file itself", async () => {
    const run = startScenario(SLUG, 7);
    await type(run,
      "sudo sed -i '/^\\[Service\\]/a EnvironmentFile=/etc/billing/env' /etc/systemd/system/billing.service",
      "sudo systemctl daemon-reload",
      "sudo systemctl restart billing.service");
    expect(await type(run, "systemctl is-active billing")).toBe("active\n");
    expect(judge(run.scenario, run.session.host).solved).toBe(true);
  });

  it("is not solved by a restart without daemon-reload: systemd runs the unit it loaded, and warns", async () => {
    const run = startScenario(SLUG, 8);
    await type(run, "sudo mkdir -p /etc/systemd/system/billing.service.d", `printf '[Service]\\nEnvironmentFile=/etc/billing/env\\n' | sudo tee ${DROP_IN}`);
    const restart = await run.session.run("sudo systemctl restart billing");
    expect(restart.exitCode).toBe(0);
    expect(restart.stderr).toContain("Run 'systemctl daemon-reload' to reload units.");
    expect(await type(run, "systemctl is-active billing")).toBe("failed\n");
    expect(failing(run)).toEqual(ALL);
    await type(run, "sudo systemctl daemon-reload", "sudo systemctl restart billing");
    expect(failing(run)).toEqual([]);
  });

  it("is not solved by restarting alone, nor by a made-up DATABASE_URL", async () => {
    const run = startScenario(SLUG, 9);
    await type(run, "sudo systemctl restart billing");
    expect(failing(run)).toEqual(ALL);
    await type(run,
      "sudo mkdir -p /etc/systemd/system/billing.service.d",
      `printf '[Service]\\nEnvironment=DATABASE_URL=postgres://localhost/billing\\n' | sudo tee ${DROP_IN}`,
      "sudo systemctl daemon-reload",
      "sudo systemctl restart billing");
    expect(await type(run, "journalctl -u billing -n 3")).toContain("FATAL db: cannot connect to localhost/billing");
    expect(failing(run)).toEqual(ALL);
  });

  it("accepts the real URL pasted into Environment= (it works; root-cause.md explains why the file is better)", async () => {
    const run = startScenario(SLUG, 10);
    const url = (await type(run, "sudo sed -n 's/^DATABASE_URL=//p' /etc/billing/env")).trim();
    expect(url).toMatch(/^postgres:\/\/billing:/);
    await type(run,
      "sudo mkdir -p /etc/systemd/system/billing.service.d",
      `printf '[Service]\\nEnvironment="DATABASE_URL=${url}"\\n' | sudo tee ${DROP_IN}`,
      "sudo systemctl daemon-reload",
      "sudo systemctl restart billing");
    expect(judge(run.scenario, run.session.host).solved).toBe(true);
  });

  it("needs root to change anything", async () => {
    const run = startScenario(SLUG, 11);
    expect(await type(run, "mkdir /etc/systemd/system/billing.service.d")).toContain("Permission denied");
    expect(await type(run, "systemctl daemon-reload")).toBe("Failed to reload daemon: Interactive authentication required.\n");
    expect(failing(run)).toEqual(ALL);
  });

  it("varies the details by seed, reproduces them for the same seed, and survives save and restore", async () => {
    const a = startScenario(SLUG, 11).session.host.serialize();
    expect(startScenario(SLUG, 11).session.host.serialize()).toBe(a);
    expect(startScenario(SLUG, 12).session.host.serialize()).not.toBe(a);
    const run = startScenario(SLUG, 21);
    await type(run, "sudo mkdir -p /etc/systemd/system/billing.service.d", `printf '[Service]\\nEnvironmentFile=/etc/billing/env\\n' | sudo tee ${DROP_IN}`);
    const again = restarted(run);
    await type(again, "sudo systemctl daemon-reload", "sudo systemctl restart billing");
    expect(judge(again.scenario, again.session.host).solved).toBe(true);
    expect(judge(run.scenario, run.session.host).solved).toBe(false);
  });
});

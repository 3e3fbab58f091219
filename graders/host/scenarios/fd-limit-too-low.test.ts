import { describe, expect, it } from "vitest";
import { judge, restoreRun, saveRun, startScenario, type ScenarioRun } from "./runtime.ts";
import { failing, type, expectSeeded } from "./testkit.ts";

const SLUG = "fd-limit-too-low";
const SEEDS = [1, 2, 3, 42, 1234];
const DIR = "/etc/systemd/system/api.service.d";

const LIMIT = "The running api process has the service's intended open-files limit";
const HEALTH = "The API answers its health check";
const RUNNING = "api.service is running";
const mainPid = (run: ScenarioRun): number => run.session.host.state.units["api.service"]!.mainPid!;
const dropIn = (run: ScenarioRun): string => run.session.host.state.units["api.service"]!.dropIns[0]!;
const port = (run: ScenarioRun): number => Number(run.session.host.state.units["api.service"]!.params.port);

describe("scenario fd-limit-too-low", () => {
  it.each(SEEDS)("starts broken the way the statement says (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    expect(failing(run)).toEqual([LIMIT, HEALTH]);
    const pid = mainPid(run);
    const status = await type(run, "systemctl status api");
    expect(status).toMatch(/^● api\.service - Public API\n/);
    expect(status).toMatch(/\n    Drop-In: \/etc\/systemd\/system\/api\.service\.d\n             └─[\w-]+\.conf\n/);
    expect(await type(run, "journalctl -u api -n 3")).toMatch(/^(.* api-server\[\d+\]: accept4\(\) failed \(24: Too many open files\), retrying in 1s\n){3}$/);
    expect(await type(run, `curl -s localhost:${port(run)}/health`)).toContain("Too many open files");
    expect(await type(run, `grep 'Max open files' /proc/${pid}/limits`)).toBe("Max open files            1024                 1024                 files\n");
    // Every descriptor is in use, and the cap comes from the drop-in, not the unit.
    expect(await type(run, `sudo ls /proc/${pid}/fd | wc -l`)).toBe("1024\n");
    expect(await type(run, `ls /proc/${pid}/fd`)).toContain("Permission denied");
    const cat = await type(run, "systemctl cat api");
    expect(cat).toContain("LimitNOFILE=65536\n");
    expect(cat).toContain(`# ${dropIn(run)}\n# Managed by config management`);
    expect(cat).toMatch(/\nLimitNOFILE=1024\n/);
  });

  it.each(SEEDS)("is solved by the reference fix (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    for (const line of run.scenario.referenceFix(run.session.host)) expect((await run.session.run(line)).exitCode).toBe(0);
    expect(judge(run.scenario, run.session.host)).toEqual({
      solved: true, checks: [RUNNING, LIMIT, HEALTH].map((name) => ({ name, ok: true })),
    });
    const pid = mainPid(run);
    expect(await type(run, `grep 'Max open files' /proc/${pid}/limits`)).toBe("Max open files            65536                65536                files\n");
    // The peak load now fits, and the errors stop.
    run.session.host.advance(3 * 60_000);
    const fds = Number((await type(run, `sudo ls /proc/${pid}/fd | wc -l`)).trim());
    expect(fds).toBeGreaterThan(1024);
    expect(await type(run, "journalctl -u api -n 2")).not.toContain("Too many open files");
    expect(judge(run.scenario, run.session.host).solved).toBe(true);
  });

  it("is solved by editing the managed drop-in in place, or by removing it (the unit's own 65536 applies)", async () => {
    const a = startScenario(SLUG, 7);
    await type(a, `sudo sed -i 's/^LimitNOFILE=1024$/LimitNOFILE=65536/' ${dropIn(a)}`, "sudo systemctl daemon-reload", "sudo systemctl restart api");
    expect(judge(a.scenario, a.session.host).solved).toBe(true);
    const b = startScenario(SLUG, 8);
    await type(b, `sudo rm ${dropIn(b)}`, "sudo systemctl daemon-reload", "sudo systemctl restart api.service");
    expect(await type(b, "systemctl status api")).not.toContain("Drop-In");
    expect(judge(b.scenario, b.session.host).solved).toBe(true);
  });

  it("is not solved by a restart after editing without daemon-reload (the old limit stays)", async () => {
    const run = startScenario(SLUG, 9);
    await type(run, `printf '[Service]\\nLimitNOFILE=65536\\n' | sudo tee ${DIR}/override.conf`);
    const restart = await run.session.run("sudo systemctl restart api");
    expect(restart.stderr).toContain("Run 'systemctl daemon-reload' to reload units.");
    expect(await type(run, `grep 'Max open files' /proc/${mainPid(run)}/limits`)).toContain(" 1024 ");
    expect(failing(run)).toEqual([LIMIT, HEALTH]);
  });

  it("is not solved by daemon-reload without a restart: the running process keeps its limit", async () => {
    const run = startScenario(SLUG, 10);
    await type(run, `printf '[Service]\\nLimitNOFILE=65536\\n' | sudo tee ${DIR}/override.conf`, "sudo systemctl daemon-reload");
    expect(failing(run)).toEqual([LIMIT, HEALTH]);
  });

  it("is not solved by a plain restart, nor by a limit that only just fits today's peak", async () => {
    const run = startScenario(SLUG, 11);
    await type(run, "sudo systemctl restart api");
    expect(failing(run)).toEqual([LIMIT, HEALTH]);
    await type(run, `printf '[Service]\\nLimitNOFILE=4096\\n' | sudo tee ${DIR}/override.conf`, "sudo systemctl daemon-reload", "sudo systemctl restart api");
    // 4096 fits today's peak but is not the 65536 the service is meant to have.
    expect(failing(run)).toEqual([LIMIT]);
  });

  it("a drop-in that sorts before the managed one is overridden by it", async () => {
    // Drop-ins apply in file-name order; the last LimitNOFILE= wins.
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const run = startScenario(SLUG, seed);
      const managed = dropIn(run).split("/").pop()!;
      await type(run, `printf '[Service]\\nLimitNOFILE=65536\\n' | sudo tee ${DIR}/05-nofile.conf`, "sudo systemctl daemon-reload", "sudo systemctl restart api");
      expect("05-nofile.conf" < managed).toBe(true);
      expect(failing(run)).toEqual([LIMIT, HEALTH]);
    }
  });

  it("varies by seed, reproduces for the same seed, and survives save and restore in well under 1 MB", async () => {
    expectSeeded(SLUG);
    const run = startScenario(SLUG, 21);
    await type(run, `printf '[Service]\\nLimitNOFILE=65536\\n' | sudo tee ${DIR}/override.conf`, "sudo systemctl daemon-reload");
    const again = restoreRun(saveRun(run));
    await type(again, "sudo systemctl restart api");
    again.session.host.advance(60_000);
    expect(saveRun(again).length).toBeLessThan(1_000_000);
    expect(judge(again.scenario, again.session.host).solved).toBe(true);
    expect(judge(run.scenario, run.session.host).solved).toBe(false);
  });
});

describe("scenario fd-limit-too-low: the pam_limits red herring", () => {
  it("has api lines in /etc/security/limits.conf that a service never reads", async () => {
    const run = startScenario(SLUG, 5);
    expect(await type(run, "grep -v '^#' /etc/security/limits.conf | grep nofile")).toMatch(/^api +soft +nofile +65536\napi +hard +nofile +65536\n$/);
    await type(run, "sudo systemctl restart api");
    expect(failing(run)).toEqual([LIMIT, HEALTH]);
  });
});

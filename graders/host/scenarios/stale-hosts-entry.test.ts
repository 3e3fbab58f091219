import { describe, expect, it } from "vitest";
import { judge, restoreRun, saveRun, startScenario, type ScenarioRun } from "./runtime.ts";
import { failing, type, expectSeeded } from "./testkit.ts";

const SLUG = "stale-hosts-entry";
const SEEDS = [1, 2, 3, 17, 4242];
const NAME = "db.internal";

const RUNNING = "orders.service is running";
const GETENT = `\`getent hosts ${NAME}\` gives the address DNS has for it`;
const NOT_PINNED = `${NAME} is not pinned in /etc/hosts`;
const HEALTH = "orders-api answers its health check (it can write to the database)";
const ALL = [RUNNING, GETENT, NOT_PINNED, HEALTH];

const role = (run: ScenarioRun, r: string): string => Object.entries(run.session.host.state.net.remotes!).find(([, x]) => x.params?.role === r)![0];
const port = (run: ScenarioRun): number => Number(run.session.host.state.units["orders.service"]!.params.port);

describe("scenario stale-hosts-entry", () => {
  it.each(SEEDS)("starts broken the way the statement says (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    expect(failing(run)).toEqual([GETENT, NOT_PINNED, HEALTH]);
    const oldIp = role(run, "replica");
    const newIp = role(run, "primary");
    expect(await type(run, `getent hosts ${NAME}`)).toMatch(new RegExp(`^${oldIp.replace(/\./g, "\\.")} +${NAME.replace(".", "\\.")}`));
    expect((await type(run, `dig ${NAME} +short`)).trim().split("\n").pop()).toBe(newIp);
    expect(await type(run, `curl -s localhost:${port(run)}/health`)).toBe(`{"status":"unhealthy","error":"upstream ${NAME}: pq: cannot execute INSERT in a read-only transaction"}\n`);
    expect(await type(run, "journalctl -u orders -n 1")).toContain("read-only transaction");
    expect(await type(run, "sudo ss -tnp")).toContain(`${oldIp}:5432`);
    expect(await type(run, "grep hosts: /etc/nsswitch.conf")).toBe("hosts:          files dns\n");
  });

  it.each(SEEDS)("is solved by the reference fix (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    for (const line of run.scenario.referenceFix(run.session.host)) expect((await run.session.run(line)).exitCode).toBe(0);
    expect(judge(run.scenario, run.session.host)).toEqual({ solved: true, checks: ALL.map((name) => ({ name, ok: true })) });
    expect(await type(run, "sudo ss -tnp")).toContain(`${role(run, "primary")}:5432`);
    expect(await type(run, `curl -s localhost:${port(run)}/health`)).toBe('{"status":"ok"}\n');
  });

  it("is solved by commenting the pin out and restarting", async () => {
    const run = startScenario(SLUG, 3);
    await type(run, `sudo sed -i 's/^\\(10\\.0\\.2\\.[0-9]*\\s\\+db\\.internal\\)/# \\1/' /etc/hosts`, "sudo systemctl restart orders");
    expect(failing(run)).toEqual([]);
  });

  it("does not count fixing /etc/hosts without a restart", async () => {
    const run = startScenario(SLUG, 1);
    await type(run, `sudo sed -i '/db\\.internal/d' /etc/hosts`);
    expect(failing(run)).toEqual([HEALTH]);
    run.session.host.advance(10 * 60_000);
    expect(failing(run)).toEqual([HEALTH]);
  });

  it("does not count pinning the new primary instead", async () => {
    const run = startScenario(SLUG, 2);
    await type(run, `sudo sed -i 's/^10\\.0\\.2\\.[0-9]*\\(\\s\\+db\\.internal\\)/${role(run, "primary")}\\1/' /etc/hosts`, "sudo systemctl restart orders");
    expect(failing(run)).toEqual([NOT_PINNED]);
  });

  it("survives saveRun/restoreRun and stays small", async () => {
    const run = startScenario(SLUG, 4242);
    const json = saveRun(run);
    expect(json.length).toBeLessThan(1_000_000);
    const back = restoreRun(json);
    expect(failing(back)).toEqual([GETENT, NOT_PINNED, HEALTH]);
    for (const line of back.scenario.referenceFix(back.session.host)) await back.session.run(line);
    expect(failing(restoreRun(saveRun(back)))).toEqual([]);
  });

  it("builds the same host for a seed and another for the next seed", () => {
    expectSeeded(SLUG);
  });
});

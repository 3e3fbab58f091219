import { describe, expect, it } from "vitest";
import { judge, restoreRun, saveRun, startScenario, type ScenarioRun } from "./runtime.ts";
import { failing, type, expectSeeded } from "./testkit.ts";

const SLUG = "broken-default-route";
const SEEDS = [1, 2, 3, 17, 4242];
const NAME = "api.partner-billing.example";

const RUNNING = "reports.service is running";
const ROUTE = "The host has a default route via the subnet's gateway 10.0.1.1";
const API = `The partner API (${NAME}:443) is reachable from this host`;
const HEALTH = "reports answers its health check";
const ALL = [RUNNING, ROUTE, API, HEALTH];

const api = (run: ScenarioRun): string => Object.keys(run.session.host.state.net.remotes!).find((ip) => ip.startsWith("192.0.2."))!;
const port = (run: ScenarioRun): number => Number(run.session.host.state.units["reports.service"]!.params.port);

describe("scenario broken-default-route", () => {
  it.each(SEEDS)("starts broken the way the statement says (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    expect(failing(run)).toEqual([ROUTE, API, HEALTH]);
    expect(await type(run, "ip route")).not.toContain("default");
    expect(await run.session.run(`ip route get ${api(run)}`)).toEqual({ stdout: "", stderr: "RTNETLINK answers: Network is unreachable\n", exitCode: 2 });
    // DNS still works through the resolver's own host route; the subnet too.
    expect(await type(run, `getent hosts ${NAME}`)).toBe(`${api(run).padEnd(15)} ${NAME}\n`);
    expect(await type(run, `curl -sS https://${NAME}/`)).toMatch(new RegExp(`^curl: \\(7\\) Failed to connect to ${NAME.replace(/\./g, "\\.")} port 443 after \\d+ ms: Couldn't connect to server\n$`));
    expect(await type(run, `ping -c 1 ${api(run)}`)).toBe("ping: connect: Network is unreachable\n");
    expect(await type(run, `curl -s localhost:${port(run)}/health`)).toContain(`dial tcp ${api(run)}:443: connect: network is unreachable`);
    expect(await type(run, "journalctl --no-pager | grep -c 'COMMAND=/usr/sbin/ip route del default'")).toBe("1\n");
    expect(await type(run, "ip route del default")).toBe("RTNETLINK answers: Operation not permitted\n");
  });

  it.each(SEEDS)("is solved by the reference fix (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    for (const line of run.scenario.referenceFix(run.session.host)) expect((await run.session.run(line)).exitCode).toBe(0);
    expect(judge(run.scenario, run.session.host)).toEqual({ solved: true, checks: ALL.map((name) => ({ name, ok: true })) });
    expect((await type(run, "ip route")).split("\n")[0]).toMatch(/^default via 10\.0\.1\.1 dev ens5 proto dhcp metric 100 $/);
    expect(await type(run, `ip route get ${api(run)}`)).toMatch(new RegExp(`^${api(run).replace(/\./g, "\\.")} via 10\\.0\\.1\\.1 dev ens5 src 10\\.0\\.1\\.\\d+ uid 1000 \\n    cache \\n$`));
  });

  it("is solved by a plain add or replace, not by a host route for the API alone", async () => {
    const plain = startScenario(SLUG, 3);
    await type(plain, "sudo ip route add default via 10.0.1.1");
    expect(failing(plain)).toEqual([]);
    expect((await type(plain, "ip route")).split("\n")[0]).toBe("default via 10.0.1.1 dev ens5 ");
    const replace = startScenario(SLUG, 4);
    await type(replace, "sudo ip route replace default via 10.0.1.1 dev ens5");
    expect(failing(replace)).toEqual([]);
    const narrow = startScenario(SLUG, 5);
    await type(narrow, `sudo ip route add ${api(narrow)} via 10.0.1.1`);
    expect(failing(narrow)).toEqual([ROUTE]);
  });

  it("rejects a gateway that is not on the subnet, as the kernel does", async () => {
    const run = startScenario(SLUG, 1);
    expect(await run.session.run("sudo ip route add default via 10.9.9.9")).toEqual({ stdout: "", stderr: "Error: Nexthop has invalid gateway.\n", exitCode: 2 });
    expect(failing(run)).toEqual([ROUTE, API, HEALTH]);
  });

  it("survives saveRun/restoreRun and stays small", async () => {
    const run = startScenario(SLUG, 4242);
    const json = saveRun(run);
    expect(json.length).toBeLessThan(1_000_000);
    const back = restoreRun(json);
    for (const line of back.scenario.referenceFix(back.session.host)) await back.session.run(line);
    expect(failing(restoreRun(saveRun(back)))).toEqual([]);
  });

  it("builds the same host for a seed and another for the next seed", () => {
    expectSeeded(SLUG);
  });
});

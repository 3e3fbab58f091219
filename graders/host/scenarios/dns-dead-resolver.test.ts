import { describe, expect, it } from "vitest";
import { judge, restoreRun, saveRun, startScenario, type ScenarioRun } from "./runtime.ts";
import { failing, type, expectSeeded } from "./testkit.ts";

const SLUG = "dns-dead-resolver";
const SEEDS = [1, 2, 3, 4, 17, 4242];
const NAME = "api.payments.internal";

const RUNNING = "checkout.service is running";
const RESOLVES = `\`getent hosts ${NAME}\` resolves through DNS`;
const FAST = "Name lookups do not wait on an unreachable resolver first";
const HEALTH = "checkout answers its health check";
const NOT_PINNED = `${NAME} is not pinned in /etc/hosts`;
const ALL = [RUNNING, RESOLVES, FAST, HEALTH, NOT_PINNED];
const BROKEN = [RESOLVES, FAST, HEALTH];

const port = (run: ScenarioRun): number => Number(run.session.host.state.units["checkout.service"]!.params.port);
const vpcAddr = (run: ScenarioRun): string => run.session.host.state.net.dns!["10.0.0.2"]!.records.find((r) => r.type === "A" && r.value.startsWith("10.0.3."))!.value;

describe("scenario dns-dead-resolver", () => {
  it.each(SEEDS)("starts broken the way the statement says (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    expect(failing(run)).toEqual(BROKEN);
    expect(await type(run, `curl -s localhost:${port(run)}/health`)).toMatch(/^\{"status":"unhealthy","error":"upstream api\.payments\.internal: dial tcp: lookup api\.payments\.internal on [0-9.]+:53: read udp .*: i\/o timeout"\}\n$/);
    const before = run.session.host.now;
    const getent = await run.session.run(`getent hosts ${NAME}`);
    expect(getent).toEqual({ stdout: "", stderr: "", exitCode: 2 });
    // glibc waited out the dead servers: the clock moved by whole timeouts.
    expect(run.session.host.now - before).toBeGreaterThanOrEqual(4000);
    expect(await type(run, "cat /etc/resolv.conf")).toContain("nameserver 10.0.0.254\n");
    expect(await type(run, "ls -l /etc/resolv.conf")).toMatch(/^-rw-r--r-- 1 root root \d+ /);
    const dig = await type(run, `dig ${NAME}`);
    expect(dig.startsWith(";; communications error to 10.0.0.254#53: timed out\n;; communications error to 10.0.0.254#53: timed out\n;; communications error to 10.0.0.254#53: timed out\n")).toBe(true);
    expect(dig).toContain(`\n; <<>> DiG 9.18.33-1~deb12u2-Debian <<>> ${NAME}\n;; global options: +cmd\n;; no servers could be reached\n`);
    const status = await type(run, "resolvectl status");
    expect(status).toContain("resolv.conf mode: foreign\n");
    expect(status).toContain("Current DNS Server: 10.0.0.2\n       DNS Servers: 10.0.0.2\n        DNS Domain: ec2.internal\n");
    expect(await type(run, `dig @10.0.0.2 ${NAME} +short`)).toContain(`${vpcAddr(run)}\n`);
    expect(await type(run, `dig @8.8.8.8 ${NAME} +short`)).toContain(";; communications error to 8.8.8.8#53: timed out\n");
    expect(await type(run, `ping -c 1 ${NAME}`)).toBe(`ping: ${NAME}: Temporary failure in name resolution\n`);
    expect(await type(run, "journalctl -u checkout -n 1")).toContain("i/o timeout");
    expect(await type(run, "journalctl --no-pager | grep -c 'COMMAND=/usr/bin/rm /etc/resolv.conf'")).toBe("1\n");
  });

  it.each(SEEDS)("is solved by the reference fix without restarting checkout (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    const pid = run.session.host.state.units["checkout.service"]!.mainPid;
    for (const line of run.scenario.referenceFix(run.session.host)) expect((await run.session.run(line)).exitCode).toBe(0);
    expect(judge(run.scenario, run.session.host)).toEqual({ solved: true, checks: ALL.map((name) => ({ name, ok: true })) });
    expect(run.session.host.state.units["checkout.service"]!.mainPid).toBe(pid);
    expect(await type(run, "resolvectl status")).toContain("resolv.conf mode: stub\n");
    expect(await type(run, `getent hosts ${NAME}`)).toMatch(new RegExp(`^${vpcAddr(run).replace(/\./g, "\\.")} +`));
    expect(await type(run, `curl -s localhost:${port(run)}/health`)).toBe('{"status":"ok"}\n');
  });

  it("is solved by writing the DHCP resolver or the stub address into the file", async () => {
    for (const ns of ["10.0.0.2", "127.0.0.53"]) {
      const run = startScenario(SLUG, 3);
      await type(run, `printf 'nameserver ${ns}\\nsearch ec2.internal\\n' | sudo tee /etc/resolv.conf > /dev/null`);
      expect(failing(run)).toEqual([]);
    }
  });

  it("does not count pinning the name in /etc/hosts, public resolvers, or a working server behind the dead one", async () => {
    const pinned = startScenario(SLUG, 2);
    await type(pinned, `echo '${vpcAddr(pinned)} ${NAME}' | sudo tee -a /etc/hosts > /dev/null`);
    expect(failing(pinned)).toEqual([RESOLVES, FAST, NOT_PINNED]);
    const publicDns = startScenario(SLUG, 2);
    await type(publicDns, "printf 'nameserver 8.8.8.8\\nnameserver 1.1.1.1\\n' | sudo tee /etc/resolv.conf > /dev/null");
    expect(failing(publicDns)).toEqual(BROKEN);
    const behind = startScenario(SLUG, 1);
    await type(behind, "printf 'nameserver 10.0.0.254\\nnameserver 10.0.0.2\\n' | sudo tee /etc/resolv.conf > /dev/null");
    expect(failing(behind)).toEqual([FAST]);
  });

  it("does not count a fix while systemd-resolved is stopped", async () => {
    const run = startScenario(SLUG, 4);
    await type(run, "sudo systemctl stop systemd-resolved", "sudo ln -sf ../run/systemd/resolve/stub-resolv.conf /etc/resolv.conf");
    expect(failing(run)).toEqual(BROKEN);
    await type(run, "sudo systemctl start systemd-resolved");
    expect(failing(run)).toEqual([]);
  });

  it("survives saveRun/restoreRun and stays small", async () => {
    const run = startScenario(SLUG, 4242);
    const json = saveRun(run);
    expect(json.length).toBeLessThan(1_000_000);
    const back = restoreRun(json);
    expect(failing(back)).toEqual(BROKEN);
    for (const line of back.scenario.referenceFix(back.session.host)) await back.session.run(line);
    expect(failing(restoreRun(saveRun(back)))).toEqual([]);
  });

  it("builds the same host for a seed and another for the next seed", () => {
    expectSeeded(SLUG);
  });
});

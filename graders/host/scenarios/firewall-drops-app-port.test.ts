import { describe, expect, it } from "vitest";
import { judge, restoreRun, saveRun, startScenario, type ScenarioRun } from "./runtime.ts";
import { failing, type, expectSeeded } from "./testkit.ts";

const SLUG = "firewall-drops-app-port";
const SEEDS = [1, 2, 3, 5, 17, 4242];

const RUNNING = "catalog.service is running";
const HEALTH = "The app answers its health check on this host";
const LB = "The load balancer's health probe reaches the app";
const BLOCK = "Traffic from 203.0.113.0/24 is still blocked";
const PERSIST = "The firewall comes back the same way after a reboot";
const ALL = [RUNNING, HEALTH, LB, BLOCK, PERSIST];

const params = (run: ScenarioRun) => run.session.host.state.units["catalog.service"]!.params;
const port = (run: ScenarioRun): number => Number(params(run).port);
const lb = (run: ScenarioRun): string => String(params(run).lbIp);
const variant = (run: ScenarioRun): "chain" | "REJECT" | "DROP" => {
  const fw = run.session.host.state.net.firewall!;
  if (fw.filter["app-ingress"]) return "chain";
  return fw.filter.INPUT!.rules.find((r) => r.dport === port(run))!.target as "REJECT" | "DROP";
};

describe("scenario firewall-drops-app-port", () => {
  it("covers all three shapes of the bad rule across the test seeds", () => {
    const shapes = new Set(SEEDS.map((seed) => variant(startScenario(SLUG, seed))));
    expect([...shapes].sort()).toEqual(["DROP", "REJECT", "chain"]);
  });

  it.each(SEEDS)("starts broken the way the statement says (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    expect(failing(run)).toEqual([LB, PERSIST]);
    expect(await type(run, `curl -s localhost:${port(run)}/health`)).toBe('{"status":"ok"}\n');
    // iptables lives in /usr/sbin, which is not on admin's PATH.
    expect(await type(run, "iptables -L")).toBe("-bash: iptables: command not found\n");
    const rules = await type(run, "sudo iptables -S INPUT");
    expect(rules).toContain("-A INPUT -i lo -j ACCEPT\n");
    expect(rules).toMatch(/-A INPUT -s 203\.0\.113\.0\/24 -m comment --comment "scraper \d+" -j DROP\n/);
    expect(rules).toContain(variant(run) === "chain" ? `-A INPUT -p tcp -m tcp --dport ${port(run)} -j app-ingress\n` : `-A INPUT -p tcp -m tcp --dport ${port(run)} -j ${variant(run)}`);
    // The saved rule set is what the running one is.
    expect(await type(run, "sudo cat /etc/iptables/rules.v4")).toContain(rules.split("\n").filter((l) => l.startsWith("-A")).join("\n"));
    // The load balancer's probes stopped landing in the access log hours ago, and the drop counters climb.
    const last = /^(\S+) INFO  (\S+) "GET \/health/m.exec((await type(run, "sudo tail -1 /var/log/catalog/access.log")))!;
    expect(last[2]).toBe(lb(run));
    expect(run.session.host.now - Date.parse(last[1]!)).toBeGreaterThan(8 * 3600_000);
    expect(await type(run, "journalctl --no-pager | grep -c 'COMMAND=/usr/sbin/netfilter-persistent save'")).toBe("1\n");
    const counters = (await type(run, "sudo iptables -L -n -v -x")).match(new RegExp(`^ +(\\d+) .*dpt:${port(run)}`, "m"));
    run.session.host.advance(60_000);
    const later = (await type(run, "sudo iptables -L -n -v -x")).match(new RegExp(`^ +(\\d+) .*dpt:${port(run)}`, "m"));
    expect(Number(later![1])).toBeGreaterThan(Number(counters![1]));
  });

  it.each(SEEDS)("is solved by the reference fix, and probes reach the access log again (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    for (const line of run.scenario.referenceFix(run.session.host)) expect((await run.session.run(line)).exitCode).toBe(0);
    expect(judge(run.scenario, run.session.host)).toEqual({ solved: true, checks: ALL.map((name) => ({ name, ok: true })) });
    run.session.host.advance(30_000);
    expect(await type(run, "sudo tail -1 /var/log/catalog/access.log")).toContain(`INFO  ${lb(run)} "GET /health HTTP/1.1" 200`);
  });

  it("is solved by admitting the load balancer ahead of the drop and saving through tee", async () => {
    for (const seed of [1, 2, 3]) {
      const run = startScenario(SLUG, seed);
      await type(run, `sudo iptables -I INPUT 1 -s ${lb(run)} -p tcp --dport ${port(run)} -j ACCEPT`);
      expect(failing(run)).toEqual([PERSIST]);
      await type(run, "sudo iptables-save | sudo tee /etc/iptables/rules.v4 > /dev/null");
      expect(failing(run)).toEqual([]);
    }
  });

  it("is solved by editing rules.v4 and reloading it", async () => {
    const run = startScenario(SLUG, 3);
    const saved = await type(run, "sudo cat /etc/iptables/rules.v4");
    const fixed = saved.split("\n").filter((l) => !l.includes(`--dport ${port(run)} -j`) && !l.includes("-j app-ingress") && !l.startsWith("-A app-ingress") && !l.startsWith(":app-ingress")).join("\n");
    await run.session.run(`printf '%s' '${fixed.replace(/'/g, "'\\''")}' | sudo tee /etc/iptables/rules.v4 > /dev/null`);
    expect(await type(run, "sudo netfilter-persistent reload")).toContain("15-ip4tables reload");
    expect(failing(run)).toEqual([]);
  });

  it("is solved by editing rules.v4 as root and applying it with iptables-restore", async () => {
    const run = startScenario(SLUG, 1);
    await type(run, "sudo -i");
    await type(run, `sed -i '/--dport ${port(run)} -j \\(DROP\\|REJECT\\)/d; /-j app-ingress/d; /^-A app-ingress/d; /^:app-ingress/d' /etc/iptables/rules.v4`);
    expect(await run.session.run("iptables-restore < /etc/iptables/rules.v4")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    expect(failing(run)).toEqual([]);
    expect((await run.session.run("echo '-A INPUT -j NOPE' | iptables-restore")).stderr).toBe("iptables-restore v1.8.9 (nf_tables): line 1 failed\n");
  });

  it("does not count flushing the firewall, even when saved", async () => {
    const run = startScenario(SLUG, 2);
    await type(run, "sudo iptables -F", "sudo netfilter-persistent save");
    expect(failing(run)).toEqual([BLOCK, PERSIST]);
    const policy = startScenario(SLUG, 5);
    await type(policy, "sudo iptables -P INPUT ACCEPT", "sudo iptables -F INPUT");
    expect(failing(policy)).toEqual([BLOCK, PERSIST]);
  });

  it("does not count a fix that is only in the running rules, or removing the scraper block instead", async () => {
    const run = startScenario(SLUG, 1);
    for (const line of run.scenario.referenceFix(run.session.host).slice(0, -1)) await type(run, line);
    expect(failing(run)).toEqual([PERSIST]);
    const wrong = startScenario(SLUG, 17);
    await type(wrong, "sudo iptables -D INPUT -s 203.0.113.0/24 -m comment --comment \"$(sudo iptables -S INPUT | grep -o 'scraper [0-9]*')\" -j DROP");
    expect(failing(wrong)).toContain(LB);
  });

  it("survives saveRun/restoreRun and stays small", async () => {
    const run = startScenario(SLUG, 4242);
    const json = saveRun(run);
    expect(json.length).toBeLessThan(1_000_000);
    const back = restoreRun(json);
    expect(failing(back)).toEqual([LB, PERSIST]);
    for (const line of back.scenario.referenceFix(back.session.host)) await back.session.run(line);
    expect(failing(restoreRun(saveRun(back)))).toEqual([]);
  });

  it("builds the same host for a seed and another for the next seed", () => {
    expectSeeded(SLUG);
  });
});

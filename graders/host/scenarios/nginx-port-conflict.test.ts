import { describe, expect, it } from "vitest";
import { judge, startScenario, type ScenarioRun } from "./runtime.ts";
import { failing, type, expectSeeded, restarted } from "./testkit.ts";

const SLUG = "nginx-port-conflict";
const SEEDS = [1, 2, 3, 42, 1234];
const CRONTAB = "/var/spool/cron/crontabs/deploy";

const RUNNING = "nginx.service is running";
const SERVES = "The docs site is served by nginx on port 80";
const REBOOT = "Port 80 is still nginx's after the next reboot";
const ALL = [RUNNING, SERVES, REBOOT];

const pyPid = (run: ScenarioRun): number =>
  Object.values(run.session.host.state.procs).find((p) => p.comm === "python3" && p.argv.includes("http.server"))?.pid ?? -1;

describe("scenario nginx-port-conflict", () => {
  it.each(SEEDS)("starts broken the way the statement says (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    expect(failing(run)).toEqual(ALL);
    const page = await type(run, "curl -si http://localhost/");
    expect(page).toMatch(/^HTTP\/1\.0 200 OK\r\nServer: SimpleHTTP\/0\.6 Python\/3\.11\.2\r\n/);
    expect(page).toContain("<title>Directory listing for /</title>");
    const status = await run.session.run("systemctl status nginx");
    expect(status.exitCode).toBe(3);
    expect(status.stdout).toMatch(/^× nginx\.service - A high performance web server and a reverse proxy server\n/);
    expect(status.stdout).toMatch(/\n     Active: failed \(Result: exit-code\) since .* ago\n/);
    expect(status.stdout).toMatch(/\n    Process: \d+ ExecStart=\/usr\/sbin\/nginx -g daemon on; master_process on; \(code=exited, status=1\/FAILURE\)\n/);
    const journal = await type(run, "sudo journalctl -u nginx");
    expect(journal.match(/nginx\[\d+\]: nginx: \[emerg\] bind\(\) to 0\.0\.0\.0:80 failed \(98: Address already in use\)\n/g)).toHaveLength(5);
    expect(journal).toMatch(/nginx\[\d+\]: nginx: \[emerg\] still could not bind\(\)\nNov \d\d \d\d:\d\d:\d\d \S+ systemd\[1\]: nginx\.service: Control process exited, code=exited, status=1\/FAILURE\n/);
    expect(await type(run, "sudo ss -tlnp")).toMatch(/^LISTEN 0 +5 +0\.0\.0\.0:80 +0\.0\.0\.0:\* +users:\(\("python3",pid=\d+,fd=3\)\)$/m);
    expect(await type(run, "ps -o user= -p " + pyPid(run))).toBe("deploy\n");
    expect(await type(run, "sudo crontab -u deploy -l")).toMatch(/^@reboot cd \/home\/deploy\/\S+ && python3 -m http\.server 80 >> \/home\/deploy\/preview\.log 2>&1$/m);
    expect(await type(run, "cat /etc/sysctl.d/*.conf")).toContain("net.ipv4.ip_unprivileged_port_start = 80\n");
    expect(await type(run, "sudo tail -1 /var/log/nginx/error.log")).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[emerg\] \d+#\d+: still could not bind\(\)\n$/);
    // Starting again changes nothing while python holds the port.
    expect(await type(run, "sudo systemctl start nginx")).toBe('Job for nginx.service failed because the control process exited with error code.\nSee "systemctl status nginx.service" and "journalctl -xeu nginx.service" for details.\n');
    expect(failing(run)).toEqual(ALL);
  });

  it.each(SEEDS)("is solved by the reference fix (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    for (const line of run.scenario.referenceFix(run.session.host)) expect((await run.session.run(line)).exitCode).toBe(0);
    expect(judge(run.scenario, run.session.host)).toEqual({ solved: true, checks: ALL.map((name) => ({ name, ok: true })) });
    expect(await type(run, "curl -sI http://localhost/")).toMatch(/^HTTP\/1\.1 200 OK\r\nServer: nginx\/1\.22\.1\r\n/);
    // The cron job's shell and CRON session went with the server.
    expect(await type(run, "ps -ef | grep -c '[C]RON'")).toBe("0\n");
    run.session.host.advance(5 * 60_000);
    expect(judge(run.scenario, run.session.host).solved).toBe(true);
  });

  it("is solved by dropping the sysctl instead of the cron job, with pkill and restart", async () => {
    const run = startScenario(SLUG, 5);
    const file = (await type(run, "grep -l unprivileged_port /etc/sysctl.d/*.conf")).trim();
    await type(run, `sudo rm ${file}`, "sudo pkill -u deploy python3", "sudo systemctl restart nginx");
    expect(await type(run, "ls /etc/sysctl.d")).toBe("99-sysctl.conf\n");
    expect(judge(run.scenario, run.session.host).solved).toBe(true);
  });

  it("is solved by moving the preview to a high port", async () => {
    const run = startScenario(SLUG, 6);
    await type(run, `sudo sed -i 's/http.server 80/http.server 8000/' ${CRONTAB}`, `sudo kill ${pyPid(run)}`, "sudo systemctl start nginx");
    expect(judge(run.scenario, run.session.host).solved).toBe(true);
  });

  it("is not solved by killing the server and starting nginx while the @reboot job stays", async () => {
    const run = startScenario(SLUG, 7);
    await type(run, `sudo kill ${pyPid(run)}`, "sudo systemctl start nginx");
    expect(await type(run, "systemctl is-active nginx")).toBe("active\n");
    expect(failing(run)).toEqual([REBOOT]);
  });

  it("is not solved by moving nginx to another port", async () => {
    const run = startScenario(SLUG, 8);
    await type(run, "sudo sed -i 's/listen 80 default_server/listen 8080 default_server/; s/listen \\[::\\]:80 default_server/listen [::]:8080 default_server/' /etc/nginx/sites-available/docs",
      `sudo sed -i 's/^@reboot/#@reboot/' ${CRONTAB}`, "sudo systemctl start nginx");
    expect(await type(run, "systemctl is-active nginx")).toBe("active\n");
    expect(await type(run, "curl -s -o /dev/null -w '%{http_code}' http://localhost:8080/")).toBe("200");
    expect(failing(run)).toEqual([SERVES]);
  });

  it("is not solved by an unprivileged kill, nor by stopping nginx", async () => {
    const run = startScenario(SLUG, 9);
    expect(await run.session.run(`kill ${pyPid(run)}`)).toEqual({ stdout: "", stderr: `-bash: kill: (${pyPid(run)}) - Operation not permitted\n`, exitCode: 1 });
    await type(run, `sudo sed -i 's/^@reboot/#@reboot/' ${CRONTAB}`, "sudo systemctl stop nginx");
    expect(failing(run)).toEqual([RUNNING, SERVES]);
  });

  it("varies by seed, reproduces, and survives save and restore", async () => {
    expectSeeded(SLUG);
    const run = startScenario(SLUG, 21);
    const again = restarted(run);
    for (const line of again.scenario.referenceFix(again.session.host)) await again.session.run(line);
    expect(judge(again.scenario, again.session.host).solved).toBe(true);
    expect(judge(run.scenario, run.session.host).solved).toBe(false);
  }, 30_000);
});

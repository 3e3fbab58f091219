import { describe, expect, it } from "vitest";
import { startScenario } from "../../scenarios/runtime.ts";
import { baseSession } from "../../testkit.ts";

describe("pgrep, pkill, pidof", () => {
  it("find processes by name, command line and user", async () => {
    const run = startScenario("disk-full-deleted-log", 3);
    const s = run.session;
    const pid = s.host.state.units["app.service"]!.mainPid!;
    expect((await s.run("pgrep app-server")).stdout).toBe(`${pid}\n`);
    expect((await s.run("pgrep -a app")).stdout).toBe(`${pid} /usr/local/bin/app-server --port 8080 --log /var/log/app/app.log\n`);
    expect((await s.run("pgrep -f 'port 8080'")).stdout).toBe(`${pid}\n`);
    expect((await s.run("pgrep -u app -l")).stdout).toBe(`${pid} app-server\n`);
    expect((await s.run("pgrep -c sshd")).stdout).toBe("3\n");
    expect((await s.run("pgrep nosuch")).exitCode).toBe(1);
    expect((await s.run("pidof app-server")).stdout).toBe(`${pid}\n`);
    expect((await s.run(`sudo ls -l /proc/$(pgrep app-server)/fd/3`)).stdout).toContain("/var/log/app/app.log (deleted)");
  });

  it("pkill signals what it selects, with permission errors for others' processes", async () => {
    const s = baseSession();
    const cron = Object.values(s.host.state.procs).find((p) => p.comm === "cron")!.pid;
    expect(await s.run("pkill cron")).toEqual({ stdout: "", stderr: `pkill: killing pid ${cron} failed: Operation not permitted\n`, exitCode: 3 });
    expect((await s.run("sudo pkill -HUP cron")).exitCode).toBe(0);
    expect((await s.run("sudo pkill -x cron")).exitCode).toBe(0);
    expect((await s.run("pgrep -x cron")).exitCode).toBe(1);
    expect((await s.run("pkill")).stderr).toBe("pkill: no matching criteria specified\nTry `pkill --help' for more information.\n");
  });
});

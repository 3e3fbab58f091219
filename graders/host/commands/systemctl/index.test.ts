import { describe, expect, it } from "vitest";
import { startScenario } from "../../scenarios/runtime.ts";
import { baseSession } from "../../testkit.ts";

describe("systemctl", () => {
  it("prints status in systemd 252's layout", async () => {
    const s = baseSession();
    const cron = Object.values(s.host.state.procs).find((p) => p.comm === "cron")!;
    const out = (await s.run("systemctl status cron")).stdout;
    expect(out).toMatch(
      new RegExp(
        "^● cron\\.service - Regular background program processing daemon\n" +
          "     Loaded: loaded \\(/lib/systemd/system/cron\\.service; enabled; preset: enabled\\)\n" +
          "     Active: active \\(running\\) since Sun 2026-11-22 \\d\\d:\\d\\d:\\d\\d UTC; 3 days \\d+h ago\n" +
          "       Docs: man:cron\\(8\\)\n" +
          `   Main PID: ${cron.pid} \\(cron\\)\n` +
          "      Tasks: 1 \\(limit: 2314\\)\n" +
          "     Memory: 2\\.6M\n" +
          "        CPU: \\d+[\\dmins .]*s\n" +
          "     CGroup: /system\\.slice/cron\\.service\n" +
          `             └─${cron.pid} /usr/sbin/cron -f\n` +
          // then the unit's last ten journal lines after a blank line
          `\n(Nov \\d\\d \\d\\d:\\d\\d:\\d\\d web-01 (cron|CRON|systemd)\\[\\d+\\]: .*\n){10}$`,
      ),
    );
  });

  it("exits 3 for an inactive unit, 4 for an unknown one; changes need root", async () => {
    const s = baseSession();
    expect(await s.run("systemctl status nosuch")).toEqual({ stdout: "", stderr: "Unit nosuch.service could not be found.\n", exitCode: 4 });
    expect(await s.run("systemctl stop cron")).toEqual({
      stdout: "",
      stderr: "Failed to stop cron.service: Interactive authentication required.\nSee system logs and 'systemctl status cron.service' for details.\n",
      exitCode: 1,
    });
    expect((await s.run("sudo systemctl start nosuch")).stderr).toBe("Failed to start nosuch.service: Unit nosuch.service not found.\n");
    await s.run("sudo systemctl stop cron");
    const r = await s.run("systemctl status cron");
    expect(r.exitCode).toBe(3);
    expect(r.stdout).toMatch(/^○ cron\.service - /);
    expect(r.stdout).toMatch(/\n     Active: inactive \(dead\) since .*; \d+s ago\n/);
    expect((await s.run("systemctl is-active cron")).stdout).toBe("inactive\n");
    expect(r.stdout).toMatch(/systemd\[1\]: Stopped cron\.service - Regular background program processing daemon\.\n/);
  });

  it("lists units with the legend and the count", async () => {
    const s = baseSession();
    const out = (await s.run("systemctl list-units --type=service")).stdout;
    expect(out.split("\n")[0]).toBe("  UNIT                     LOAD   ACTIVE SUB     DESCRIPTION");
    expect(out).toContain("  ssh.service              loaded active running OpenBSD Secure Shell server\n");
    expect(out).toMatch(/\n\nLOAD   = Reflects whether the unit definition was properly loaded\.\nACTIVE = .*\nSUB    = .*\n\n6 loaded units listed\. Pass --all to see loaded but inactive units, too\.\nTo show all installed unit files use 'systemctl list-unit-files'\.\n$/);
  });

  it("runs what was loaded until daemon-reload, and says so", async () => {
    const run = startScenario("disk-full-deleted-log", 4);
    const s = run.session;
    await s.run("sudo sed -i 's/--port 8080/--port 9090/' /etc/systemd/system/app.service");
    expect((await s.run("systemctl cat app")).stdout).toContain("ExecStart=/usr/local/bin/app-server --port 9090 --log /var/log/app/app.log\n");
    const warn = "Warning: The unit file, source configuration file or drop-ins of app.service changed on disk. Run 'systemctl daemon-reload' to reload units.\n";
    expect((await s.run("systemctl status app")).stderr).toBe(warn);
    expect((await s.run("sudo systemctl restart app")).stderr).toBe(warn);
    const argv = (): string => s.host.state.procs[s.host.state.units["app.service"]!.mainPid!]!.argv.join(" ");
    expect(argv()).toContain("--port 8080");
    await s.run("sudo systemctl daemon-reload");
    await s.run("sudo systemctl restart app");
    expect(argv()).toContain("--port 9090");
    expect((await s.run("systemctl status app")).stderr).toBe("");
  });

  it("applies a drop-in's LimitNOFILE and environment at the next start", async () => {
    const run = startScenario("disk-full-deleted-log", 4);
    const s = run.session;
    await s.run("sudo mkdir -p /etc/systemd/system/app.service.d");
    await s.run("printf '[Service]\\nLimitNOFILE=65536\\nEnvironment=MODE=prod\\n' | sudo tee /etc/systemd/system/app.service.d/override.conf");
    await s.run("sudo systemctl daemon-reload && sudo systemctl restart app");
    const pid = s.host.state.units["app.service"]!.mainPid!;
    expect((await s.run(`sudo grep 'open files' /proc/${pid}/limits`)).stdout).toBe("Max open files            65536                65536                files\n");
    expect((await s.run(`sudo cat /proc/${pid}/environ | tr '\\0' '\\n' | grep MODE`)).stdout).toBe("MODE=prod\n");
    expect((await s.run("systemctl status app")).stdout).toContain("    Drop-In: /etc/systemd/system/app.service.d\n             └─override.conf\n");
  });
});

describe("systemctl show", () => {
  it("prints what systemd loaded, filtered by -p in systemd's order, and bare values with --value", async () => {
    const run = startScenario("fd-limit-too-low", 3);
    const s = run.session;
    const pid = s.host.state.units["api.service"]!.mainPid!;
    expect((await s.run("systemctl show api -p LimitNOFILE")).stdout).toBe("LimitNOFILE=1024\n");
    expect((await s.run("systemctl show -p NRestarts,LimitNOFILESoft -p MainPID api")).stdout).toBe(`MainPID=${pid}\nNRestarts=0\nLimitNOFILESoft=1024\n`);
    expect((await s.run("systemctl show --property=MainPID --value api.service")).stdout).toBe(`${pid}\n`);
    expect((await s.run("systemctl show api")).stdout).toMatch(/\nDropInPaths=\/etc\/systemd\/system\/api\.service\.d\/[\w-]+\.conf\n/);
    await s.run("printf '[Service]\\nLimitNOFILE=65536\\n' | sudo tee /etc/systemd/system/api.service.d/override.conf");
    expect((await s.run("systemctl show api -p LimitNOFILE -p NeedDaemonReload")).stdout).toBe("LimitNOFILE=1024\nNeedDaemonReload=yes\n");
    await s.run("sudo systemctl daemon-reload");
    expect((await s.run("systemctl show api -p LimitNOFILE -p NeedDaemonReload")).stdout).toBe("LimitNOFILE=65536\nNeedDaemonReload=no\n");
    expect((await s.run("systemctl show nosuch -p LoadState")).stdout).toBe("LoadState=not-found\n");
    expect((await s.run("systemctl show -p DefaultLimitNOFILESoft --value")).stdout).toBe("1024\n");
  });

  it("shows Environment= and EnvironmentFiles= as loaded, and the restart counter of a crash loop", async () => {
    const billing = startScenario("missing-env-in-unit", 3).session;
    expect((await billing.run("systemctl show billing -p Environment -p EnvironmentFiles")).stdout).toBe("Environment=LOG_FORMAT=text\nEnvironmentFiles=\n");
    expect((await billing.run("systemctl show billing -p Result -p ExecMainStatus")).stdout).toBe("ExecMainStatus=1\nResult=exit-code\n");
    const app = startScenario("config-permission-denied", 3).session;
    expect((await app.run("systemctl show app -p NRestarts --value")).stdout).toMatch(/^[1-9]\d*\n$/);
  });
});

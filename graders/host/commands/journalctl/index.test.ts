import { describe, expect, it } from "vitest";
import { startScenario } from "../../scenarios/runtime.ts";
import { baseSession } from "../../testkit.ts";

describe("journalctl", () => {
  it("prints short lines for a unit, last N, and -- No entries -- when nothing matches", async () => {
    const s = baseSession();
    await s.run("sudo systemctl restart cron");
    // A restarted cron announces itself after systemd's lines; @reboot jobs only run at boot.
    const out = (await s.run("journalctl -u cron --no-pager -n 4")).stdout;
    expect(out).toMatch(/^Nov 25 09:00:\d\d web-01 systemd\[1\]: cron\.service: Consumed [\dmin .]+s CPU time\.\nNov 25 09:00:\d\d web-01 systemd\[1\]: Started cron\.service - Regular background program processing daemon\.\nNov 25 09:00:\d\d web-01 cron\[\d+\]: \(CRON\) INFO \(pidfile fd = 3\)\nNov 25 09:00:\d\d web-01 cron\[\d+\]: \(CRON\) INFO \(Skipping @reboot jobs -- not system startup\)\n$/);
    expect((await s.run("journalctl -u nosuch")).stdout).toBe("-- No entries --\n");
    expect((await s.run("journalctl -u cron -r -n 3")).stdout).toMatch(/Started cron\.service/);
  });

  it("filters by priority and time", async () => {
    const run = startScenario("disk-full-deleted-log", 3);
    const errs = (await run.session.run("journalctl -p err --no-pager")).stdout.trimEnd().split("\n");
    expect(errs.length).toBeGreaterThan(3);
    expect(errs.every((l) => l.includes("no space left on device"))).toBe(true);
    expect((await run.session.run("journalctl -u app --since '1 min ago'")).stdout).toBe("-- No entries --\n");
    expect((await run.session.run("journalctl --since '1 min ago' | grep -c 'Accepted publickey for admin'")).stdout).toBe("1\n");
    expect((await run.session.run("journalctl --since yesterday | grep -c sudo")).stdout).toBe("3\n");
  });

  it("shows users outside adm only their own entries, with the hint", async () => {
    const s = baseSession();
    const r = await s.run("sudo -u nobody journalctl");
    expect(r.stdout).toBe("-- No entries --\n");
    expect(r.stderr).toBe("Hint: You are currently not seeing messages from other users and the system.\n      Users in groups 'adm', 'systemd-journal' can see all messages.\n      Pass -q to turn off this notice.\n");
  });
});

describe("journalctl option clusters and identifier matches", () => {
  it("takes -xeu UNIT as -x -e -u UNIT, and filters by -t / SYSLOG_IDENTIFIER= / _COMM= / _SYSTEMD_UNIT=", async () => {
    const s = startScenario("missing-env-in-unit", 3).session;
    const xeu = await s.run("journalctl -xeu billing");
    expect(xeu.exitCode).toBe(0);
    expect(xeu.stdout).toMatch(/billing-api\[\d+\]: FATAL config: required environment variable DATABASE_URL is not set\n(.*\n)*.*billing\.service: Failed with result 'exit-code'\.\n$/);
    expect(await s.run("journalctl -xeubilling.service")).toEqual(xeu);
    const sudo = (await s.run("journalctl -t sudo")).stdout;
    expect(sudo).toMatch(/COMMAND=\/usr\/bin\/cp \/home\/admin\/units\/billing\.service \/etc\/systemd\/system\/billing\.service\n/);
    expect(sudo.split("\n").filter(Boolean).every((l) => / sudo\[\d+\]: /.test(l))).toBe(true);
    expect((await s.run("journalctl _COMM=sudo")).stdout).toBe(sudo);
    expect((await s.run("journalctl SYSLOG_IDENTIFIER=sudo")).stdout).toBe(sudo);
    expect((await s.run("journalctl _SYSTEMD_UNIT=billing.service")).stdout).toBe((await s.run("journalctl -u billing")).stdout);
  });
});

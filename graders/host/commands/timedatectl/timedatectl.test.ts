import { describe, expect, it } from "vitest";
import { baseSession } from "../../testkit.ts";

describe("timedatectl", () => {
  it("prints systemd 252's status and show layouts", async () => {
    const s = baseSession();
    expect((await s.run("timedatectl")).stdout).toMatch(/^ {15}Local time: Wed 2026-11-25 09:\d\d:\d\d UTC\n {11}Universal time: Wed 2026-11-25 09:\d\d:\d\d UTC\n {17}RTC time: Wed 2026-11-25 09:\d\d:\d\d\n {16}Time zone: Etc\/UTC \(UTC, \+0000\)\nSystem clock synchronized: yes\n {14}NTP service: active\n {10}RTC in local TZ: no\n$/);
    expect((await s.run("timedatectl show")).stdout).toMatch(/^Timezone=Etc\/UTC\nLocalRTC=no\nCanNTP=yes\nNTP=yes\nNTPSynchronized=yes\nTimeUSec=Wed 2026-11-25 09:\d\d:\d\d UTC\nRTCTimeUSec=Wed 2026-11-25 09:\d\d:\d\d UTC\n$/);
    expect((await s.run("timedatectl show -p NTPSynchronized --value")).stdout).toBe("yes\n");
    expect((await s.run("timedatectl list-timezones | grep -c /")).stdout).toBe("553\n");
    expect((await s.run("timedatectl list-timezones | head -2")).stdout).toBe("Africa/Abidjan\nAfrica/Accra\n");
  });

  it("refuses changes to admin without sudo, and reports bad input as systemd does", async () => {
    const s = baseSession();
    expect(await s.run("timedatectl set-ntp true")).toEqual({ stdout: "", stderr: "Failed to set ntp: Access denied\n", exitCode: 1 });
    expect((await s.run("timedatectl set-time 10:00")).stderr).toBe("Failed to set time: Access denied\n");
    expect((await s.run("timedatectl set-ntp maybe")).stderr).toBe("Failed to parse NTP setting 'maybe': Invalid argument\n");
    expect((await s.run("timedatectl frobnicate")).stderr).toBe("Unknown command verb frobnicate.\n");
    expect((await s.run("sudo timedatectl set-time 10:00")).stderr).toBe("Failed to set time: Automatic time synchronization is enabled\n");
  });
});

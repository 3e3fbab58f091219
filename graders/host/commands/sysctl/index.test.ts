import { describe, expect, it } from "vitest";
import * as fs from "../../state/fs.ts";
import { baseSession } from "../../testkit.ts";

describe("sysctl", () => {
  it("lives in /usr/sbin: not on admin's PATH, reachable by sudo, by full path and from a root shell", async () => {
    const s = baseSession();
    expect(await s.run("sysctl net.core.somaxconn")).toEqual({ stdout: "", stderr: "-bash: sysctl: command not found\n", exitCode: 127 });
    expect(await s.run("/usr/sbin/sysctl net.core.somaxconn")).toEqual({ stdout: "net.core.somaxconn = 4096\n", stderr: "", exitCode: 0 });
    expect((await s.run("sudo sysctl -n net.ipv4.ip_unprivileged_port_start")).stdout).toBe("1024\n");
    await s.run("sudo -i");
    expect((await s.run("sysctl -n vm.swappiness")).stdout).toBe("60\n");
  });

  it("writes as root only, and applies files with --system in systemd-sysctl's order", async () => {
    const s = baseSession();
    expect(await s.run("/usr/sbin/sysctl -w net.ipv4.ip_unprivileged_port_start=80")).toEqual({ stdout: "", stderr: 'sysctl: permission denied on key "net.ipv4.ip_unprivileged_port_start"\n', exitCode: 255 });
    expect((await s.run("sudo sysctl -w net.ipv4.ip_unprivileged_port_start=80")).stdout).toBe("net.ipv4.ip_unprivileged_port_start = 80\n");
    expect((await s.run("python3 -m http.server 80")).stderr).toMatch(/^python3: not started: a foreground server/);
    fs.mkdir(s.host.state, fs.ROOT, "/etc/sysctl.d");
    fs.createFile(s.host.state, fs.ROOT, "/etc/sysctl.d/60-ports.conf", "# ports\nnet.ipv4.ip_unprivileged_port_start = 1024\n");
    expect((await s.run("sudo sysctl --system")).stdout).toBe("* Applying /etc/sysctl.d/60-ports.conf ...\nnet.ipv4.ip_unprivileged_port_start = 1024\n");
    expect((await s.run("python3 -m http.server 80")).stderr).toMatch(/PermissionError: \[Errno 13\] Permission denied\n$/);
    expect(await s.run("sudo sysctl net.nope")).toEqual({ stdout: "", stderr: "sysctl: cannot stat /proc/sys/net/nope: No such file or directory\n", exitCode: 255 });
  });
});

import { describe, expect, it } from "vitest";
import { baseHost, baseSession } from "../testkit.ts";
import { Session } from "./session.ts";

describe("login shell session", () => {
  it("keeps variables, exports and cwd from one line to the next", async () => {
    const s = baseSession();
    await s.run("X=5");
    await s.run("export Y=hello");
    await s.run("cd /etc");
    expect((await s.run("echo $X $Y")).stdout).toBe("5 hello\n");
    expect((await s.run("pwd")).stdout).toBe("/etc\n");
    // Only the exported variable reaches a child's environment.
    expect((await s.run("env | grep -c '^[XY]='")).stdout).toBe("1\n");
    expect(s.prompt()).toBe("admin@web-01:/etc$ ");
    await s.run("cd");
    expect(s.prompt()).toBe("admin@web-01:~$ ");
  });

  it("carries $? across lines and reports unknown commands as a login shell does", async () => {
    const s = baseSession();
    const r = await s.run("nosuchcmd --flag");
    expect(r).toEqual({ stdout: "", stderr: "-bash: nosuchcmd: command not found\n", exitCode: 127 });
    expect((await s.run("echo $?")).stdout).toBe("127\n");
    expect((await s.run("false")).exitCode).toBe(1);
    expect((await s.run("echo $?")).stdout).toBe("1\n");
    expect((await s.run("echo $?")).stdout).toBe("0\n");
  });

  it("leaves out tools a stock Debian server does not have", async () => {
    const s = baseSession();
    expect((await s.run("jq .")).stderr).toBe("-bash: jq: command not found\n");
    expect((await s.run("rg x")).exitCode).toBe(127);
  });

  it("runs pipes, && / ||, $(...) and $((...))", async () => {
    const s = baseSession();
    expect((await s.run("grep -c : /etc/passwd | tr -d '\\n'; echo")).stdout).toMatch(/^\d+\n$/);
    expect((await s.run("false && echo no || echo yes")).stdout).toBe("yes\n");
    expect((await s.run("echo $(whoami)-$((6*7))")).stdout).toBe("admin-42\n");
  });

  it("refuses cd into a directory without search permission, keeping the old cwd", async () => {
    const s = baseSession();
    const r = await s.run("cd /root");
    expect(r).toEqual({ stdout: "", stderr: "-bash: cd: /root: Permission denied\n", exitCode: 1 });
    expect((await s.run("pwd")).stdout).toBe("/home/admin\n");
    expect((await s.run("cd /nope")).stderr).toBe("-bash: cd: /nope: No such file or directory\n");
  });

  it("words a redirect that open(2) refuses like bash", async () => {
    const s = baseSession();
    const r = await s.run("echo x > /etc/motd.new");
    expect(r).toEqual({ stdout: "", stderr: "-bash: /etc/motd.new: Permission denied\n", exitCode: 1 });
    expect((await s.run("echo $?")).stdout).toBe("1\n");
    expect((await s.run("cat /etc/motd.new")).stderr).toBe("cat: /etc/motd.new: No such file or directory\n");
  });

  it("runs commands as root through sudo, and back as admin afterwards", async () => {
    const s = baseSession();
    expect((await s.run("sudo whoami")).stdout).toBe("root\n");
    expect((await s.run("whoami")).stdout).toBe("admin\n");
    expect((await s.run("sudo bash -c 'echo ok > /etc/motd.new'")).exitCode).toBe(0);
    expect((await s.run("cat /etc/motd.new")).stdout).toBe("ok\n");
    expect((await s.run("sudo ls /root")).exitCode).toBe(0);
    expect((await s.run("sudo -u nobody id")).stdout).toBe("uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)\n");
    expect((await s.run("sudo nosuchcmd")).stderr).toBe("sudo: nosuchcmd: command not found\n");
  });

  it("prints GNU wording for just-bash tools' permission errors", async () => {
    const s = baseSession();
    expect((await s.run("rm /etc/passwd")).stderr).toBe("rm: cannot remove '/etc/passwd': Permission denied\n");
    // GNU mkdir quotes with quote(): ‘…’ under the login's C.UTF-8 locale (rm uses '…').
    expect((await s.run("mkdir /etc/x")).stderr).toBe("mkdir: cannot create directory ‘/etc/x’: Permission denied\n");
  });

  it("is a process in the table whose parent is the ssh session", async () => {
    const s = baseSession();
    const out = (await s.run("ps -ef")).stdout;
    expect(out).toMatch(/^admin +\d+ +\d+ +0 \d\d:\d\d pts\/0 +00:00:00 -bash$/m);
    expect(out).toMatch(/^root +\d+ +\d+ +0 \d\d:\d\d \? +00:00:00 sshd: admin \[priv\]$/m);
  });

  it("continues after a restore with the same cwd, variables and $?", async () => {
    const s = baseSession();
    await s.run("cd /var/log; V=kept; false");
    const again = Session.restore(s.host.serialize(), JSON.parse(JSON.stringify(s.state)));
    expect((await again.run("echo $? $V $PWD")).stdout).toBe("1 kept /var/log\n");
  });

  it("advances the simulated clock per command", async () => {
    const host = baseHost();
    const s = new Session(host);
    const t0 = host.now;
    await s.run("true");
    expect(host.now - t0).toBeGreaterThanOrEqual(2000);
  });
});

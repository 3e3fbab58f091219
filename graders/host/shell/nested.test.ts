import { describe, expect, it } from "vitest";
import { baseSession } from "../testkit.ts";
import { Session } from "./session.ts";

describe("nested shells", () => {
  it("sudo -i opens a root login shell in /root; exit says logout and returns", async () => {
    const s = baseSession();
    await s.run("cd /tmp; X=outer");
    expect(await s.run("sudo -i")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    expect(s.prompt()).toBe("root@web-01:~# ");
    expect((await s.run("whoami; pwd; echo [$X]")).stdout).toBe("root\n/root\n[]\n");
    expect((await s.run("ls /root")).exitCode).toBe(0);
    // The grep is in the process table too, so the usual [s] trick keeps it from matching itself.
    expect((await s.run("ps -ef | grep -c '[s]udo -i'")).stdout).toBe("1\n");
    expect(await s.run("exit 3")).toEqual({ stdout: "", stderr: "logout\n", exitCode: 3 });
    expect(s.prompt()).toBe("admin@web-01:/tmp$ ");
    expect((await s.run("echo $? $X; whoami")).stdout).toBe("3 outer\nadmin\n");
    expect(Object.values(s.host.state.procs).some((p) => p.argv.join(" ") === "sudo -i")).toBe(false);
  });

  it("sudo -s keeps the directory and variables; its exit says exit", async () => {
    const s = baseSession();
    await s.run("cd /var/log; Y=kept");
    await s.run("sudo -s");
    expect(s.prompt()).toBe("root@web-01:/var/log# ");
    expect((await s.run("echo $Y $HOME")).stdout).toBe("kept /root\n");
    expect((await s.run("exit")).stderr).toBe("exit\n");
  });

  it("sudo su - and su as root switch; su as admin cannot", async () => {
    const s = baseSession();
    expect(await s.run("su -")).toEqual({ stdout: "", stderr: "Password: \nsu: Authentication failure\n", exitCode: 1 });
    await s.run("sudo su -");
    expect(s.prompt()).toBe("root@web-01:~# ");
    await s.run("su - admin");
    expect((await s.run("whoami")).stdout).toBe("admin\n");
    await s.run("exit");
    await s.run("exit");
    expect(s.prompt()).toBe("admin@web-01:~$ ");
  });

  it("a nested shell survives save and restore", async () => {
    const s = baseSession();
    await s.run("sudo -i");
    const again = Session.restore(s.host.serialize(), JSON.parse(JSON.stringify(s.state)));
    expect((await again.run("id -u")).stdout).toBe("0\n");
    await again.run("exit");
    expect((await again.run("id -u")).stdout).toBe("1000\n");
  });

  it("exiting the ssh login shell closes the session", async () => {
    const s = baseSession();
    expect((await s.run("exit")).stderr).toBe("logout\n");
    expect((await s.run("echo hi")).exitCode).toBe(255);
  });
});

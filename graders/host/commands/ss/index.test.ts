import { describe, expect, it } from "vitest";
import { baseSession } from "../../testkit.ts";

describe("ss", () => {
  it("lists listeners with the pipe-mode header and hides other users' owners", async () => {
    const s = baseSession();
    expect((await s.run("ss -tlnp")).stdout).toBe(
      "State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n" +
        "LISTEN 0      128          0.0.0.0:22        0.0.0.0:*\n",
    );
    const sshd = Object.values(s.host.state.procs).find((p) => p.comm === "sshd" && p.ppid === 1)!;
    expect((await s.run("sudo ss -tlnp")).stdout.split("\n")[1]).toBe(
      `LISTEN 0      128          0.0.0.0:22        0.0.0.0:*   users:(("sshd",pid=${sshd.pid},fd=3))`,
    );
    expect((await s.run("ss -tl")).stdout.split("\n")[1]).toBe("LISTEN 0      128          0.0.0.0:ssh       0.0.0.0:*");
  });

  it("shows admin's own ssh connection, owned by both sshd processes of the session", async () => {
    const s = baseSession();
    expect((await s.run("ss -tn")).stdout).toBe(
      "State Recv-Q Send-Q Local Address:Port  Peer Address:Port Process\n" +
        "ESTAB 0      0          10.0.1.17:22   198.51.100.27:40007\n",
    );
    expect((await s.run("sudo ss -tnp")).stdout.split("\n")[1]).toMatch(/^ESTAB 0      0          10\.0\.1\.17:22   198\.51\.100\.27:40007 users:\(\("sshd",pid=\d+,fd=4\),\("sshd",pid=\d+,fd=4\)\)$/);
    expect((await s.run("who")).stdout).toBe("admin    pts/0        2026-11-25 08:59 (198.51.100.27)\n");
    expect((await s.run("w")).stdout.split("\n")[1]).toBe("USER     TTY      FROM             LOGIN@   IDLE   JCPU   PCPU WHAT");
  });

  it("adds the Netid column when both TCP and UDP are asked for", async () => {
    const s = baseSession();
    expect((await s.run("ss -tuln")).stdout.split("\n")[0]).toBe("Netid State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess");
  });

  it("filters by port and state expressions, and drops the State column for one state", async () => {
    const s = baseSession();
    const one = (await s.run("ss -tln 'sport = :22'")).stdout.split("\n");
    expect(one[0]).toBe("State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess");
    expect(one.slice(1).filter(Boolean).every((l) => /:22 /.test(l))).toBe(true);
    expect((await s.run("ss -tln '( sport = :22 or sport = :ssh )' | wc -l")).stdout).toBe((await s.run("ss -tln sport eq :22 | wc -l")).stdout);
    expect((await s.run("ss -tln 'sport = :9'")).stdout).toBe("State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n");
    expect((await s.run("ss -tn state established")).stdout.split("\n")[0]).toMatch(/^Recv-Q Send-Q +Local Address:Port +Peer Address:Port ?Process$/);
    expect(await s.run("ss -tln 'sport ='")).toEqual({ stdout: "", stderr: 'ss: bison bellows (while parsing filter): "syntax error!" Sorry.\n', exitCode: 1 });
  });
});

import { describe, expect, it } from "vitest";
import { baseSession } from "../../testkit.ts";
import { installPackage } from "../../net/packages.ts";

describe("netstat", () => {
  it("lists listeners in net-tools' columns, owners only for root", async () => {
    const s = baseSession();
    expect((await s.run("netstat -tlnp")).stderr).toBe("-bash: netstat: command not found\n");
    installPackage(s.host.state, "net-tools", 0);
    const asAdmin = await s.run("netstat -tlnp");
    expect(asAdmin.stdout).toBe(
      "Active Internet connections (only servers)\nProto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name    \n" +
        "tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      -                   \n",
    );
    expect(asAdmin.stderr).toBe("(Not all processes could be identified, non-owned process info\n will not be shown, you would have to be root to see it all.)\n");
    const sshd = Object.values(s.host.state.procs).find((p) => p.comm === "sshd" && p.ppid === 1)!;
    expect((await s.run("sudo netstat -tlnp")).stdout.split("\n")[2]).toBe(`tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      ${`${sshd.pid}/sshd: /usr/sbin/sshd`.slice(0, 19).padEnd(20)}`);
    expect((await s.run("netstat -tl")).stdout.split("\n")[2]).toBe("tcp        0      0 0.0.0.0:ssh             0.0.0.0:*               LISTEN     ");
  });
});

describe("netstat -r", () => {
  it("prints the kernel routing table with net-tools' flags and columns", async () => {
    const s = baseSession();
    installPackage(s.host.state, "net-tools", 0);
    expect((await s.run("netstat -rn")).stdout).toBe(
      "Kernel IP routing table\nDestination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n" +
        "0.0.0.0         10.0.1.1        0.0.0.0         UG        0 0          0 ens5\n" +
        "10.0.0.2        10.0.1.1        255.255.255.255 UGH       0 0          0 ens5\n" +
        "10.0.1.0        0.0.0.0         255.255.255.0   U         0 0          0 ens5\n" +
        "10.0.1.1        0.0.0.0         255.255.255.255 UH        0 0          0 ens5\n",
    );
    expect((await s.run("netstat -r")).stdout.split("\n")[2]).toBe("default         10.0.1.1        0.0.0.0         UG        0 0          0 ens5");
  });
});

describe("netstat -i", () => {
  it("lists interfaces by name with net-tools' columns, counters growing with uptime", async () => {
    const s = baseSession();
    installPackage(s.host.state, "net-tools", 0);
    const first = (await s.run("netstat -i")).stdout.split("\n");
    expect(first.slice(0, 2)).toEqual(["Kernel Interface table", "Iface             MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg"]);
    expect(first[2]).toMatch(/^ens5             9001 +\d+      0      0 0      +\d+      0      0      0 BMRU$/);
    expect(first[3]).toMatch(/^lo              65536 +\d+      0      0 0      +\d+      0      0      0 LRU$/);
    s.host.advance(60_000);
    const later = (await s.run("netstat -i")).stdout.split("\n")[2]!;
    expect(Number(later.split(/\s+/)[2])).toBeGreaterThan(Number(first[2]!.split(/\s+/)[2]));
  });
});

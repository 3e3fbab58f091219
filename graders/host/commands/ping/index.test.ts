import { describe, expect, it } from "vitest";
import { baseSession } from "../../testkit.ts";

describe("ping", () => {
  it("pings localhost over IPv6 like iputils on Debian, with the statistics block", async () => {
    const s = baseSession();
    const r = await s.run("ping -c 3 localhost");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^PING localhost\(localhost \(::1\)\) 56 data bytes\n(64 bytes from localhost \(::1\): icmp_seq=\d ttl=64 time=0\.0\d\d ms\n){3}\n--- localhost ping statistics ---\n3 packets transmitted, 3 received, 0% packet loss, time 200\dms\nrtt min\/avg\/max\/mdev = [0-9.]+\/[0-9.]+\/[0-9.]+\/[0-9.]+ ms\n$/);
  });

  it("reports silence as 100% packet loss, and name and route failures as ping does", async () => {
    const s = baseSession();
    const lost = await s.run("ping -c 2 10.0.1.99");
    expect(lost.exitCode).toBe(1);
    expect(lost.stdout).toMatch(/^PING 10\.0\.1\.99 \(10\.0\.1\.99\) 56\(84\) bytes of data\.\n\n--- 10\.0\.1\.99 ping statistics ---\n2 packets transmitted, 0 received, 100% packet loss, time 10\d\dms\n\n$/);
    expect(await s.run("ping -c 1 nope.ec2.internal")).toEqual({ stdout: "", stderr: "ping: nope.ec2.internal: Name or service not known\n", exitCode: 2 });
    await s.run("sudo ip route del default");
    expect((await s.run("ping -c 1 8.8.8.8")).stderr).toBe("ping: connect: Network is unreachable\n");
  });

  it("names the reply by its PTR when the target was a name", async () => {
    const s = baseSession();
    expect((await s.run("ping -c 1 ip-10-0-1-17")).stdout.split("\n").slice(0, 2)).toEqual([
      "PING ip-10-0-1-17.ec2.internal (10.0.1.17) 56(84) bytes of data.",
      expect.stringMatching(/^64 bytes from ip-10-0-1-17\.ec2\.internal \(10\.0\.1\.17\): icmp_seq=1 ttl=64 time=0\.0\d\d ms$/),
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { baseSession } from "../../testkit.ts";

describe("dig", () => {
  it("prints the default sections with dig's column layout and message size", async () => {
    const s = baseSession();
    const out = (await s.run("dig ip-10-0-1-17.ec2.internal")).stdout;
    expect(out).toMatch(/^\n; <<>> DiG 9\.18\.33-1~deb12u2-Debian <<>> ip-10-0-1-17\.ec2\.internal\n;; global options: \+cmd\n;; Got answer:\n;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: \d+\n;; flags: qr rd ra; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\n\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 4096\n/);
    expect(out).toContain(";; QUESTION SECTION:\n;ip-10-0-1-17.ec2.internal.\tIN\tA\n\n;; ANSWER SECTION:\nip-10-0-1-17.ec2.internal. 60\tIN\tA\t10.0.1.17\n\n");
    expect(out).toMatch(/;; Query time: 1 msec\n;; SERVER: 10\.0\.0\.2#53\(10\.0\.0\.2\) \(UDP\)\n;; WHEN: Wed Nov 25 09:00:\d\d UTC 2026\n;; MSG SIZE  rcvd: 70\n\n$/);
  });

  it("answers NXDOMAIN with the zone's SOA, +short, and -x", async () => {
    const s = baseSession();
    const nx = (await s.run("dig nothing.ec2.internal")).stdout;
    expect(nx).toContain("status: NXDOMAIN");
    expect(nx).toContain(";; AUTHORITY SECTION:\nec2.internal.\t\t60\tIN\tSOA\tns-0.awsdns-00.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400\n");
    expect((await s.run("dig +short ip-10-0-1-17.ec2.internal")).stdout).toBe("10.0.1.17\n");
    expect((await s.run("dig -x 10.0.1.17 +short")).stdout).toBe("ip-10-0-1-17.ec2.internal.\n");
  });

  it("reports a server that never answers, and waits for it", async () => {
    const s = baseSession();
    const before = s.host.now;
    const r = await s.run("dig @10.0.0.254 example.internal");
    expect(r.exitCode).toBe(9);
    expect(r.stdout).toBe(
      ";; communications error to 10.0.0.254#53: timed out\n".repeat(3) +
        "\n; <<>> DiG 9.18.33-1~deb12u2-Debian <<>> @10.0.0.254 example.internal\n;; global options: +cmd\n;; no servers could be reached\n",
    );
    expect(s.host.now - before).toBeGreaterThanOrEqual(15_000);
  });
});

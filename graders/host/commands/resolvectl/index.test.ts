import { describe, expect, it } from "vitest";
import { baseSession } from "../../testkit.ts";
import { RESOLVE_GROUP, RESOLVE_USER, enableResolved } from "../../net/resolved.ts";

function session() {
  const s = baseSession();
  s.host.state.users.push(RESOLVE_USER);
  s.host.state.groups.push(RESOLVE_GROUP);
  enableResolved(s.host, ["10.0.0.2"], ["ec2.internal"], s.host.now);
  return s;
}

describe("resolvectl", () => {
  it("is missing until systemd-resolved is installed", async () => {
    expect((await baseSession().run("resolvectl status")).stderr).toBe("-bash: resolvectl: command not found\n");
  });

  it("shows the global mode and each link's DHCP servers, labels right-aligned per section", async () => {
    const s = session();
    expect((await s.run("resolvectl status")).stdout).toBe(
      "Global\n       Protocols: +LLMNR +mDNS -DNSOverTLS DNSSEC=no/unsupported\nresolv.conf mode: stub\n\n" +
        "Link 1 (lo)\nCurrent Scopes: none\n     Protocols: -DefaultRoute +LLMNR -mDNS -DNSOverTLS DNSSEC=no/unsupported\n\n" +
        "Link 2 (ens5)\n    Current Scopes: DNS LLMNR/IPv4 LLMNR/IPv6\n         Protocols: +DefaultRoute +LLMNR -mDNS -DNSOverTLS DNSSEC=no/unsupported\n" +
        "Current DNS Server: 10.0.0.2\n       DNS Servers: 10.0.0.2\n        DNS Domain: ec2.internal\n",
    );
    expect((await s.run("resolvectl dns")).stdout).toBe("Global:\nLink 1 (lo):\nLink 2 (ens5): 10.0.0.2\n");
    await s.run("sudo rm /etc/resolv.conf");
    await s.run("echo 'nameserver 10.0.0.2' | sudo tee /etc/resolv.conf");
    expect((await s.run("resolvectl status")).stdout).toContain("resolv.conf mode: foreign\n");
  });

  it("answers queries through resolved, and the stub serves getent", async () => {
    const s = session();
    expect((await s.run("resolvectl query ip-10-0-1-17.ec2.internal")).stdout).toMatch(/^ip-10-0-1-17\.ec2\.internal: 10\.0\.1\.17 +-- link: ens5\n\n-- Information acquired via protocol DNS in [0-9.]+ms\.\n/);
    expect(await s.run("resolvectl query nope.ec2.internal")).toEqual({ stdout: "", stderr: "nope.ec2.internal: resolve call failed: 'nope.ec2.internal' not found\n", exitCode: 1 });
    expect((await s.run("cat /etc/resolv.conf")).stdout).toContain("nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch ec2.internal\n");
    expect((await s.run("getent hosts ip-10-0-1-17")).stdout).toBe("10.0.1.17       ip-10-0-1-17.ec2.internal\n");
    expect((await s.run("dig ip-10-0-1-17.ec2.internal")).stdout).toContain("; EDNS: version: 0, flags:; udp: 65494\n");
  });
});

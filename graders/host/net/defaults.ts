import type { DnsServer } from "./types.ts";
import { reverseName } from "./dns.ts";

/**
 * The VPC resolver every base host gets from DHCP: it knows the instance's
 * own EC2-style name both ways, and answers NXDOMAIN for the rest, which is
 * what `curl http://unknown-name` on a fresh VM runs into.
 */
export function vpcResolver(address: string): DnsServer {
  const name = `ip-${address.replace(/\./g, "-")}.ec2.internal`;
  return {
    reachable: true,
    records: [
      { name, type: "A", ttl: 60, value: address },
      { name: reverseName(address), type: "PTR", ttl: 60, value: `${name}.` },
    ],
    zones: [{ origin: "ec2.internal", soa: "ns-0.awsdns-00.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400", minimum: 60 }],
  };
}

/**
 * The network beyond this host's interfaces, as plain JSON inside
 * HostState.net: DNS servers and remote machines by address, systemd-resolved's
 * per-link view, and the iptables rule set. Behaviour (HTTP answers of remote
 * services) is looked up by name in net/responders.ts.
 */

export type DnsType = "A" | "AAAA" | "CNAME" | "PTR";

export interface DnsRecord {
  /** Owner name without the trailing dot, lower case. */
  name: string;
  type: DnsType;
  ttl: number;
  value: string;
}

export interface DnsServer {
  /** A dead resolver (wrong address, egress blocked) never answers: queries time out. */
  reachable: boolean;
  records: DnsRecord[];
  /** Zones this server is authoritative-ish for: NXDOMAIN answers carry their SOA in AUTHORITY. */
  zones?: { origin: string; soa: string; minimum: number }[];
  /** EDNS UDP size it advertises (systemd-resolved's stub says 65494, most resolvers 4096). */
  ednsUdp?: number;
}

export interface RemoteHost {
  /** Unreachable hosts drop every packet (connect and ping time out). */
  reachable: boolean;
  /** TCP ports accepting connections; others answer RST (connection refused). */
  tcpPorts: number[];
  /** Name of an HTTP responder in net/responders.ts, answering on every open TCP port. */
  http?: string;
  params?: Record<string, string | number>;
  /** Round-trip time in ms for ping and connect times. */
  rttMs?: number;
  /** Answers ICMP echo (cloud security groups often drop it). */
  icmp?: boolean;
}

/** What systemd-resolved holds per link (resolvectl status), when it runs at all. */
export interface ResolvedState {
  links: Record<string, { dns: string[]; domains: string[] }>;
  fallbackDns?: string[];
}

export interface FwRule {
  /** Match fields as iptables prints them (-S order); absent means any. */
  source?: string;
  destination?: string;
  proto?: "tcp" | "udp" | "icmp" | "all";
  inIface?: string;
  outIface?: string;
  dport?: number;
  sport?: number;
  /** -m multiport --dports a,b,c. */
  dports?: number[];
  /** Match modules in the order the rule loaded them (-S and -L print them in this order). */
  matches?: ("tcp" | "udp" | "multiport" | "state" | "conntrack" | "comment")[];
  /** -m conntrack --ctstate X,Y or -m state --state X,Y (which one is in `matches`). */
  ctstate?: string[];
  /** -m comment --comment "...". */
  comment?: string;
  /** ACCEPT, DROP, REJECT, RETURN, LOG or a user chain. */
  target: string;
  /** --reject-with for REJECT (iptables-nft prints icmp-port-unreachable by default). */
  rejectWith?: string;
  negSource?: boolean;
  pkts: number;
  bytes: number;
}

export interface FwChain {
  /** Built-in chains have a policy; user chains do not. */
  policy?: "ACCEPT" | "DROP";
  rules: FwRule[];
  pkts: number;
  bytes: number;
}

export interface FirewallState {
  /** The filter table: INPUT, FORWARD, OUTPUT and user chains, in creation order. */
  filter: Record<string, FwChain>;
}

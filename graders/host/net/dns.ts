import { evaluate } from "./firewall.ts";
import { isIpv4 } from "./ipv4.ts";
import { lookupRoute } from "./route.ts";
import { readHostsFile } from "./hosts-file.ts";
import type { Host } from "../state/host.ts";
import type { DnsRecord, DnsType } from "./types.ts";

/**
 * One DNS query to one server, as dig, host and the glibc stub send it: the
 * packet needs a route and must pass OUTPUT; a server that does not exist or
 * is dead never answers (timeout); 127.0.0.53 is systemd-resolved's stub,
 * which forwards to the per-link servers DHCP gave it.
 */

export const RESOLVED_STUB = "127.0.0.53";

export type DnsOutcome =
  | {
      kind: "answer";
      rcode: "NOERROR" | "NXDOMAIN" | "SERVFAIL";
      answers: DnsRecord[];
      /** SOA records (presentation text after the type) for negative answers. */
      authority: { name: string; ttl: number; soa: string }[];
      ednsUdp: number;
      rttMs: number;
      /** Whether recursion was available (resolvers set RA). */
      ra: boolean;
    }
  | { kind: "timeout" }
  | { kind: "refused" }
  | { kind: "netunreach" };

export function canonicalName(name: string): string {
  return name.toLowerCase().replace(/\.$/, "");
}

/** 10.0.3.14 -> 14.3.0.10.in-addr.arpa */
export function reverseName(ip: string): string {
  return `${ip.split(".").reverse().join(".")}.in-addr.arpa`;
}

export function resolvedRunning(host: Host): boolean {
  return Object.values(host.state.procs).some((p) => p.comm === "systemd-resolve" && p.state !== "Z" && p.state !== "T");
}

/** Records of `type` for `name` in a record list, following CNAMEs inside it as a resolver does. */
function answerFrom(records: DnsRecord[], name: string, type: DnsType): { found: boolean; answers: DnsRecord[] } {
  const answers: DnsRecord[] = [];
  let current = name;
  let found = false;
  for (let hops = 0; hops < 8; hops++) {
    const own = records.filter((r) => r.name === current);
    if (own.length === 0) break;
    found = true;
    const direct = own.filter((r) => r.type === type);
    if (direct.length > 0) {
      answers.push(...direct);
      break;
    }
    const cname = own.find((r) => r.type === "CNAME");
    if (!cname || type === "CNAME") break;
    answers.push(cname);
    current = canonicalName(cname.value);
  }
  return { found, answers };
}

export function queryServer(host: Host, server: string, qname: string, type: DnsType): DnsOutcome {
  const state = host.state;
  const name = canonicalName(qname);
  if (!isIpv4(server)) return { kind: "netunreach" };
  const path = lookupRoute(state, server);
  if (path.kind === "unreachable") return { kind: "netunreach" };
  if (path.kind === "local") {
    if (server === RESOLVED_STUB && resolvedRunning(host)) return stubQuery(host, name, type);
    // Nothing listens on udp/53 here: the kernel answers with port unreachable.
    return { kind: "refused" };
  }
  const out = evaluate(state, "OUTPUT", { src: path.src, dst: server, proto: "udp", dport: 53, outIface: path.dev, ctstate: "NEW" });
  if (out.verdict === "DROP") return { kind: "timeout" };
  if (out.verdict === "REJECT") return { kind: "refused" };
  const dns = state.net.dns?.[server];
  if (!dns) return state.net.remotes?.[server]?.reachable ? { kind: "refused" } : { kind: "timeout" };
  if (!dns.reachable) return { kind: "timeout" };
  const { found, answers } = answerFrom(dns.records, name, type);
  const zone = dns.zones?.filter((z) => name === z.origin || name.endsWith(`.${z.origin}`)).sort((a, b) => b.origin.length - a.origin.length)[0];
  const negative = answers.length === 0 && zone ? [{ name: zone.origin, ttl: zone.minimum, soa: zone.soa }] : [];
  const rtt = state.net.remotes?.[server]?.rttMs ?? 1;
  return { kind: "answer", rcode: found ? "NOERROR" : "NXDOMAIN", answers, authority: negative, ednsUdp: dns.ednsUdp ?? 4096, rttMs: Math.max(0, Math.round(rtt)), ra: true };
}

/**
 * systemd-resolved's stub: /etc/hosts first (ReadEtcHosts=yes), then each
 * link's servers in order. When none answers it gives the client SERVFAIL
 * rather than silence.
 */
function stubQuery(host: Host, name: string, type: DnsType): DnsOutcome {
  const fromHosts = readHostsFile(host).filter((e) => e.names.includes(name));
  if ((type === "A" || type === "AAAA") && fromHosts.length > 0) {
    const fam = type === "A" ? "inet" : "inet6";
    const answers = fromHosts.filter((e) => (fam === "inet") === isIpv4(e.ip)).map((e): DnsRecord => ({ name, type, ttl: 0, value: e.ip }));
    return { kind: "answer", rcode: "NOERROR", answers, authority: [], ednsUdp: 65494, rttMs: 0, ra: true };
  }
  for (const server of upstreamServers(host)) {
    const r = queryServer(host, server, name, type);
    if (r.kind === "answer") return { ...r, ednsUdp: 65494 };
  }
  return { kind: "answer", rcode: "SERVFAIL", answers: [], authority: [], ednsUdp: 65494, rttMs: 0, ra: true };
}

/** The servers systemd-resolved uses, link by link in ifindex order. */
export function upstreamServers(host: Host): string[] {
  const links = host.state.net.resolved?.links ?? {};
  const order = host.state.net.interfaces.map((i) => i.name);
  return Object.entries(links)
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .flatMap(([, l]) => l.dns)
    .filter((ip) => ip !== RESOLVED_STUB);
}

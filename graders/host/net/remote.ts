import type { Host } from "../state/host.ts";
import type { HttpRequest, HttpResponse } from "../programs/types.ts";
import { evaluate } from "./firewall.ts";
import { lookupRoute } from "./route.ts";
import { responderFor } from "./responders.ts";

/**
 * A TCP connection or ICMP echo from this host to another address, as the
 * kernel would report it: no route is ENETUNREACH at once; a packet dropped
 * on the way (OUTPUT DROP, a dead or filtered host) is silence until the
 * caller's timeout; a closed port is an RST (ECONNREFUSED).
 */

export type Reach =
  | { kind: "ok"; rttMs: number; src: string; dev: string }
  | { kind: "refused"; rttMs: number }
  | { kind: "timeout" }
  | { kind: "netunreach" }
  | { kind: "local" };

export function tcpConnect(host: Host, ip: string, port: number): Reach {
  const state = host.state;
  const path = lookupRoute(state, ip);
  if (path.kind === "local") return { kind: "local" };
  if (path.kind === "unreachable") return { kind: "netunreach" };
  const out = evaluate(state, "OUTPUT", { src: path.src, dst: ip, proto: "tcp", dport: port, outIface: path.dev, ctstate: "NEW" });
  if (out.verdict === "DROP") return { kind: "timeout" };
  if (out.verdict === "REJECT") return { kind: "refused", rttMs: 0 };
  const remote = state.net.remotes?.[ip];
  if (!remote || !remote.reachable) return { kind: "timeout" };
  const rttMs = remote.rttMs ?? 1;
  return remote.tcpPorts.includes(port) ? { kind: "ok", rttMs, src: path.src, dev: path.dev } : { kind: "refused", rttMs };
}

export function icmpEcho(host: Host, ip: string): Reach {
  const state = host.state;
  const path = lookupRoute(state, ip);
  if (path.kind === "local") return { kind: "local" };
  if (path.kind === "unreachable") return { kind: "netunreach" };
  if (evaluate(state, "OUTPUT", { src: path.src, dst: ip, proto: "icmp", outIface: path.dev, ctstate: "NEW" }).verdict !== "ACCEPT") return { kind: "timeout" };
  const remote = state.net.remotes?.[ip];
  const dns = state.net.dns?.[ip];
  if (remote) return remote.reachable && remote.icmp !== false ? { kind: "ok", rttMs: remote.rttMs ?? 1, src: path.src, dev: path.dev } : { kind: "timeout" };
  // A resolver known only as a DNS server answers ping when it is up at all.
  if (dns?.reachable) return { kind: "ok", rttMs: 1, src: path.src, dev: path.dev };
  return { kind: "timeout" };
}

/** An HTTP request to a remote host's port; null unless the connection succeeds and something speaks HTTP. */
export function httpRemote(host: Host, ip: string, port: number, req: Omit<HttpRequest, "port">): HttpResponse | null {
  const reach = tcpConnect(host, ip, port);
  if (reach.kind !== "ok") return null;
  const remote = host.state.net.remotes?.[ip];
  const responder = remote?.http ? responderFor(remote.http) : null;
  return remote && responder ? responder(host, remote, { ...req, port }) : null;
}

import type { HostState, Route } from "../state/types.ts";
import { isLoopback, parseCidr, parseIpv4, inCidr } from "./ipv4.ts";

/**
 * The kernel's route lookup for an IPv4 destination: this host's own
 * addresses go over lo (the local table), everything else takes the longest
 * matching prefix in the main table, lowest metric first among equals.
 */

export type RouteLookup =
  | { kind: "local"; dev: "lo"; src: string }
  | { kind: "route"; route: Route; dev: string; src: string; gateway: string | null }
  | { kind: "unreachable" };

export function isLocalAddress(state: HostState, ip: string): boolean {
  if (isLoopback(ip) || ip === "0.0.0.0") return true;
  return state.net.interfaces.some((i) => i.addrs.some((a) => a.address === ip));
}

export function primaryAddress(state: HostState, dev: string): string | null {
  const iface = state.net.interfaces.find((i) => i.name === dev);
  return iface?.addrs.find((a) => a.family === "inet")?.address ?? null;
}

export function lookupRoute(state: HostState, ip: string): RouteLookup {
  if (isLocalAddress(state, ip)) return { kind: "local", dev: "lo", src: isLoopback(ip) ? "127.0.0.1" : ip };
  if (parseIpv4(ip) === null) return { kind: "unreachable" };
  let best: { route: Route; prefix: number } | null = null;
  for (const route of state.net.routes) {
    const cidr = parseCidr(route.dst);
    if (!cidr || !inCidr(ip, cidr)) continue;
    const iface = state.net.interfaces.find((i) => i.name === route.dev);
    if (!iface?.up) continue;
    const better = !best || cidr.prefix > best.prefix || (cidr.prefix === best.prefix && (route.metric ?? 0) < (best.route.metric ?? 0));
    if (better) best = { route, prefix: cidr.prefix };
  }
  if (!best) return { kind: "unreachable" };
  const src = best.route.src ?? primaryAddress(state, best.route.dev) ?? "0.0.0.0";
  return { kind: "route", route: best.route, dev: best.route.dev, src, gateway: best.route.via ?? null };
}

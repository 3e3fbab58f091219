import type { HostState } from "../state/types.ts";
import type { FirewallState, FwChain, FwRule } from "./types.ts";
import { inCidr, parseCidr } from "./ipv4.ts";

/**
 * netfilter's filter table as the kernel walks it: rules in order, the first
 * whose matches all hold decides; a jump to a user chain walks that chain and
 * comes back on RETURN or at its end; a built-in chain's end applies its
 * policy. Counters count what matched, as `iptables -L -v` shows.
 */

export const BUILTIN_CHAINS = ["INPUT", "FORWARD", "OUTPUT"] as const;

export interface Packet {
  src: string;
  dst: string;
  proto: "tcp" | "udp" | "icmp";
  dport?: number;
  sport?: number;
  inIface?: string;
  outIface?: string;
  /** Conntrack state of the packet: a new connection, or part of one already accepted. */
  ctstate: "NEW" | "ESTABLISHED" | "RELATED";
  /** Length on the wire, for the byte counters. */
  bytes?: number;
}

export interface Verdict {
  verdict: "ACCEPT" | "DROP" | "REJECT";
  /** The rule that decided, null when the policy did. */
  rule: FwRule | null;
  chain: string;
}

export function emptyFirewall(): FirewallState {
  return { filter: { INPUT: emptyChain("ACCEPT"), FORWARD: emptyChain("ACCEPT"), OUTPUT: emptyChain("ACCEPT") } };
}

export function emptyChain(policy?: "ACCEPT" | "DROP"): FwChain {
  return policy ? { policy, rules: [], pkts: 0, bytes: 0 } : { rules: [], pkts: 0, bytes: 0 };
}

/** The host's rule set, created on first use so old saved hosts behave as an empty ruleset. */
export function firewallOf(state: HostState): FirewallState {
  state.net.firewall ??= emptyFirewall();
  return state.net.firewall;
}

function ifaceMatches(pattern: string | undefined, iface: string | undefined): boolean {
  if (pattern === undefined) return true;
  if (iface === undefined) return false;
  // iptables' "+" suffix is a prefix wildcard (eth+).
  return pattern.endsWith("+") ? iface.startsWith(pattern.slice(0, -1)) : pattern === iface;
}

export function ruleMatches(rule: FwRule, p: Packet): boolean {
  if (rule.source !== undefined) {
    const c = parseCidr(rule.source);
    const hit = c !== null && inCidr(p.src, c);
    if (hit === Boolean(rule.negSource)) return false;
  }
  if (rule.destination !== undefined) {
    const c = parseCidr(rule.destination);
    if (!c || !inCidr(p.dst, c)) return false;
  }
  if (rule.proto !== undefined && rule.proto !== "all" && rule.proto !== p.proto) return false;
  if (!ifaceMatches(rule.inIface, p.inIface) || !ifaceMatches(rule.outIface, p.outIface)) return false;
  if (rule.dport !== undefined && rule.dport !== p.dport) return false;
  if (rule.sport !== undefined && rule.sport !== p.sport) return false;
  if (rule.dports !== undefined && (p.dport === undefined || !rule.dports.includes(p.dport))) return false;
  if (rule.ctstate !== undefined && !rule.ctstate.includes(p.ctstate)) return false;
  return true;
}

/**
 * Walks `chain` for the packet. With `count` the matching rules' and the
 * policy's counters go up, as for a real packet; without, it is a dry run
 * (checks judge the host without changing what `iptables -L -v` shows).
 */
export function evaluate(state: HostState, chain: "INPUT" | "OUTPUT" | "FORWARD", p: Packet, count = false): Verdict {
  const fw = state.net.firewall;
  if (!fw) return { verdict: "ACCEPT", rule: null, chain };
  const size = p.bytes ?? 60;
  const walk = (name: string, depth: number): Verdict | "RETURN" => {
    const c = fw.filter[name];
    if (!c || depth > 16) return "RETURN";
    for (const rule of c.rules) {
      if (!ruleMatches(rule, p)) continue;
      if (count) {
        rule.pkts += 1;
        rule.bytes += size;
      }
      if (rule.target === "ACCEPT" || rule.target === "DROP" || rule.target === "REJECT") return { verdict: rule.target, rule, chain: name };
      if (rule.target === "RETURN") return "RETURN";
      if (rule.target === "LOG") continue;
      const sub = walk(rule.target, depth + 1);
      if (sub !== "RETURN") return sub;
    }
    return "RETURN";
  };
  const result = walk(chain, 0);
  if (result !== "RETURN") return result;
  const builtin = fw.filter[chain];
  if (count && builtin) {
    builtin.pkts += 1;
    builtin.bytes += size;
  }
  return { verdict: builtin?.policy ?? "ACCEPT", rule: null, chain };
}

import type { Runtime } from "../../shell/runtime.ts";
import { isIpv4, isIpv6, isLoopback } from "../../net/ipv4.ts";
import { icmpEcho } from "../../net/remote.ts";
import { gaiError, resolveHost, reverseLookup } from "../../net/resolve.ts";
import { lookupRoute } from "../../net/route.ts";
import { hash32 } from "../../state/rng.ts";
import { fail, type HostCommand } from "../types.ts";
import { startFollow } from "../../shell/follow/start.ts";

/**
 * ping from iputils 20221126: resolves the target like getaddrinfo (so
 * `localhost` is ::1), prints one reply line per echo answered, then the
 * statistics block. Unanswered echoes are silence and 100% packet loss; no
 * route is "connect: Network is unreachable". The per-packet pieces are
 * exported so a streaming `ping` (no -c) can print them as time passes.
 */

export interface PingPlan {
  /** "PING name (ip) 56(84) bytes of data." */
  header: string;
  target: string;
  addr: string;
  /** How replies name the peer ("name (ip)" or the address) and their TTL. */
  who: string;
  ttl: number;
  intervalMs: number;
  /** The reply line for echo `seq` and its round trip, or null when it goes unanswered. */
  packet(seq: number): { line: string; rttMs: number } | null;
}

export interface PingStats {
  transmitted: number;
  rtts: number[];
  elapsedMs: number;
}

/** iputils prints rtt with 3 decimals below 1 ms, 2 below 10, 1 below 100, none above. */
export function rttText(ms: number): string {
  if (ms >= 100) return String(Math.floor(ms));
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toFixed(3);
}

export function summary(plan: PingPlan, s: PingStats): string {
  const received = s.rtts.length;
  const loss = s.transmitted === 0 ? 0 : Math.round(((s.transmitted - received) * 100) / s.transmitted);
  let out = `\n--- ${plan.target} ping statistics ---\n${s.transmitted} packets transmitted, ${received} received, ${loss}% packet loss, time ${s.elapsedMs}ms\n`;
  if (received > 0) {
    const min = Math.min(...s.rtts);
    const max = Math.max(...s.rtts);
    const avg = s.rtts.reduce((a, b) => a + b, 0) / received;
    const mdev = Math.sqrt(s.rtts.reduce((a, b) => a + b * b, 0) / received - avg * avg);
    out += `rtt min/avg/max/mdev = ${[min, avg, max, mdev].map((v) => v.toFixed(3)).join("/")} ms\n`;
  } else out += "\n";
  return out;
}

/** Resolve and route the target; an error result is what ping prints before giving up (exit 2). */
export function planPing(rt: Runtime, target: string, opts: { numeric: boolean; intervalMs: number; family?: "inet" | "inet6" }): PingPlan | { error: string } {
  const r = resolveHost(rt.host, target, opts.family ?? "any");
  rt.host.advance(r.elapsedMs);
  if (!r.ok) return { error: `ping: ${target}: ${gaiError(r.error)}\n` };
  const addr = r.addrs[0] ?? target;
  const literal = isIpv4(target) || isIpv6(target);
  const v6 = !isIpv4(addr);
  if (v6 && !isLoopback(addr)) return { error: "ping: connect: Network is unreachable\n" };
  if (!v6 && lookupRoute(rt.host.state, addr).kind === "unreachable") return { error: "ping: connect: Network is unreachable\n" };
  // iputils skips reverse lookups for numeric targets; otherwise a failed PTR prints the address twice.
  const who = literal || opts.numeric ? addr : `${reverseLookup(rt.host, addr)?.name ?? addr} (${addr})`;
  // The header and the statistics name the target by getaddrinfo's canonical name.
  const shown = literal ? target : r.canonical;
  const header = v6 ? `PING ${shown}(${who}) 56 data bytes` : `PING ${shown} (${addr}) 56(84) bytes of data.`;
  const local = lookupRoute(rt.host.state, addr);
  const ttl = local.kind === "local" ? 64 : local.kind === "route" && local.gateway ? 63 : 64;
  return { header, target: shown, addr, who, ttl, intervalMs: opts.intervalMs, packet: (seq) => echoReply(rt, addr, who, ttl, seq) };
}

/** The reply to echo `seq` sent now, or null when it goes unanswered (also used by a streaming ping). */
export function echoReply(rt: Pick<Runtime, "host">, addr: string, who: string, ttl: number, seq: number): { line: string; rttMs: number } | null {
  const reach = icmpEcho(rt.host, addr);
  if (reach.kind !== "ok" && reach.kind !== "local") return null;
  const base = reach.kind === "local" ? 0.03 : reach.rttMs;
  const jitter = (hash32(rt.host.state.seed, addr, seq, rt.host.now) % 1000) / 1000;
  const rttMs = reach.kind === "local" ? base + jitter * 0.02 : base * (0.85 + jitter * 0.3);
  return { line: `64 bytes from ${who}: icmp_seq=${seq} ttl=${ttl} time=${rttText(rttMs)} ms`, rttMs: Number(rttText(rttMs)) };
}

export const ping: HostCommand = {
  name: "ping",
  async run(args, _ctx, rt) {
    let count: number | null = null;
    let intervalMs = 1000;
    let numeric = false;
    let quiet = false;
    let family: "inet" | "inet6" | undefined;
    let target: string | null = null;
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      const num = (v: string | undefined): number => Number(v);
      if (a === "-c") count = num(args[++i]);
      else if (a.startsWith("-c") && a.length > 2) count = num(a.slice(2));
      else if (a === "-i") intervalMs = num(args[++i]) * 1000;
      else if (a === "-W" || a === "-w" || a === "-s" || a === "-t" || a === "-I") i++;
      else if (a === "-n") numeric = true;
      else if (a === "-q") quiet = true;
      else if (a === "-4") family = "inet";
      else if (a === "-6") family = "inet6";
      else if (a.startsWith("-")) return fail(`ping: invalid option -- '${a.slice(1, 2)}'\n`, 2);
      else target = a;
    }
    if (target === null) return fail("ping: usage error: Destination address required\n", 1);
    if (count !== null && (!Number.isInteger(count) || count < 1)) return fail(`ping: invalid argument: '${String(count)}': out of range: 1 <= value <= 9223372036854775807\n`, 1);
    if (!(intervalMs >= 2) ) return fail(`ping: bad timing interval: ${intervalMs / 1000}\n`, 1);
    const plan = planPing(rt, target, { numeric, intervalMs, family });
    if ("error" in plan) return fail(plan.error, 2);
    if (count === null) {
      // Without -c ping runs until Ctrl-C, which prints the statistics (shell/follow/ping.ts).
      const first = plan.packet(1);
      const spec = { kind: "ping" as const, target: plan.target, addr: plan.addr, who: plan.who, ttl: plan.ttl, intervalMs, quiet, sent: 1, rtts: first ? [first.rttMs] : [], startMs: rt.host.now, nextAtMs: rt.host.now + intervalMs };
      if (startFollow(rt, "ping", spec)) return { stdout: `${plan.header}\n${first && !quiet ? `${first.line}\n` : ""}`, stderr: "", exitCode: 0 };
      // Where the line cannot keep running (`x=$(ping host)`), it stops after four echoes.
      count = 4;
    }
    let out = `${plan.header}\n`;
    const rtts: number[] = [];
    for (let seq = 1; seq <= count; seq++) {
      const p = plan.packet(seq);
      if (p) {
        rtts.push(p.rttMs);
        if (!quiet) out += `${p.line}\n`;
      }
      if (seq < count) rt.host.advance(intervalMs);
    }
    const elapsedMs = (count - 1) * intervalMs + (hash32(plan.addr, count, rt.host.now) % (rtts.length === count ? 6 : 60));
    out += summary(plan, { transmitted: count, rtts, elapsedMs });
    return { stdout: out, stderr: "", exitCode: rtts.length > 0 ? 0 : 1 };
  },
};

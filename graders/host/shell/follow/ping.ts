import { echoReply, summary } from "../../commands/ping/index.ts";
import type { Host } from "../../state/host.ts";
import type { PingFollow } from "./types.ts";

/**
 * `ping HOST` without -c: one echo per interval until Ctrl-C, which ping
 * catches to print its statistics (exit 0 when any reply came, else 1).
 */

/** The echo due now. */
export function pingStep(host: Host, spec: PingFollow): string {
  const seq = ++spec.sent;
  const reply = echoReply({ host }, spec.addr, spec.who, spec.ttl, seq);
  spec.nextAtMs += spec.intervalMs;
  if (!reply) return "";
  spec.rtts.push(reply.rttMs);
  return spec.quiet ? "" : `${reply.line}\n`;
}

/** The statistics block ping prints on SIGINT; time is since the first echo. */
export function pingStatistics(host: Host, spec: PingFollow): { text: string; exit: number } {
  const plan = { header: "", target: spec.target, addr: spec.addr, who: spec.who, ttl: spec.ttl, intervalMs: spec.intervalMs, packet: () => null };
  const text = summary(plan, { transmitted: spec.sent, rtts: spec.rtts, elapsedMs: Math.max(0, host.now - spec.startMs) });
  return { text, exit: spec.rtts.length > 0 ? 0 : 1 };
}

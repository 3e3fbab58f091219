import type { Runtime } from "../../shell/runtime.ts";
import { canonicalName, queryServer, type DnsOutcome } from "../../net/dns.ts";
import type { DnsType } from "../../net/types.ts";

export type Answer = Extract<DnsOutcome, { kind: "answer" }>;

/**
 * The lookup loop dig, host and nslookup share (bind9's dighost): each
 * server in turn, `tries` sends per server, the wait for every silent try
 * passing on the host's clock, and the ";;" diagnostics they print.
 */
export function queryServers(rt: Runtime, servers: string[], name: string, type: DnsType, tries: number, timeSec: number): { answer: Answer | null; server: string | null; errors: string } {
  let errors = "";
  for (const s of servers) {
    for (let t = 0; t < tries; t++) {
      const r = queryServer(rt.host, s, canonicalName(name), type);
      if (r.kind === "answer") return { answer: r, server: s, errors };
      if (r.kind === "timeout") {
        rt.host.advance(timeSec * 1000);
        errors += `;; communications error to ${s}#53: timed out\n`;
        continue;
      }
      errors += r.kind === "refused" ? `;; communications error to ${s}#53: connection refused\n` : `;; UDP setup with ${s}#53(${s}) for ${name} failed: network unreachable.\n`;
      break;
    }
  }
  return { answer: null, server: null, errors };
}

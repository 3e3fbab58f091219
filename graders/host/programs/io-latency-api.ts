import type { Host } from "../state/host.ts";
import { awaitFor } from "../state/io.ts";
import type { Proc } from "../state/types.ts";
import type { HttpResponse, Program } from "./types.ts";

/**
 * /usr/local/bin/catalog-api: every request does about ten small random reads
 * from its data files, so its latency is the disk's queueing delay for its
 * I/O class times ten, plus a little CPU. /health reports degraded once the
 * p99 passes its 500 ms budget, and a minute of slow requests is logged.
 */

const READS_PER_REQUEST = 10;
const BUDGET_MS = 500;

export function p99Ms(host: Host, proc: Proc): number {
  return Math.round(15 + READS_PER_REQUEST * awaitFor(host, proc));
}

function log(host: Host, proc: Proc, priority: number, message: string): void {
  host.log({ ident: "catalog-api", pid: proc.pid, unit: proc.unit ?? null, priority, message });
}

function json(status: number, reason: string, body: unknown): HttpResponse {
  const text = JSON.stringify(body) + "\n";
  return { status, reason, headers: [["Content-Type", "application/json"], ["Content-Length", String(text.length)]], body: text };
}

export const ioLatencyApi: Program = {
  start(host, proc) {
    const p = proc.params ?? {};
    proc.ioReadKbPerSec = Number(p.readKbPerSec ?? 2_000);
    proc.fds["3"] = { kind: "socket", proto: "TCP", localPort: Number(p.port), state: "LISTEN", inode: 24_000 + proc.pid };
    log(host, proc, 6, `catalog-api listening on :${Number(p.port)}`);
  },

  tick(host, proc, fromMs, toMs) {
    if (Math.floor(toMs / 60_000) === Math.floor(fromMs / 60_000)) return;
    const p99 = p99Ms(host, proc);
    const slow = p99 > BUDGET_MS;
    const was = Number(proc.params?.slow ?? 0) === 1;
    const rpm = Number(proc.params?.requestsPerMin ?? 600);
    if (slow) {
      const timedOut = Math.round((rpm * Math.min(0.3, (p99 - BUDGET_MS) / 8000)) + (toMs / 60_000) % 7);
      log(host, proc, 4, `WARN p99 latency ${p99}ms over the last 60s (${rpm} requests, ${timedOut} timed out after 2s)`);
    } else if (was) log(host, proc, 6, `INFO latency back to normal: p99 ${p99}ms`);
    proc.params = { ...proc.params, slow: slow ? 1 : 0 };
  },

  http(host, proc, req) {
    if (req.path !== "/health") return json(404, "Not Found", { error: "not found" });
    const p99 = p99Ms(host, proc);
    if (p99 > BUDGET_MS) return json(503, "Service Unavailable", { status: "degraded", p99_ms: p99, budget_ms: BUDGET_MS });
    return json(200, "OK", { status: "ok", p99_ms: p99 });
  },
};

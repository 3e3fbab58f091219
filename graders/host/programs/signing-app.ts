import { trueNow } from "../state/clock.ts";
import type { Host } from "../state/host.ts";
import type { Proc } from "../state/types.ts";
import { appServer } from "./app-server.ts";
import type { HttpResponse, Program } from "./types.ts";

/**
 * app-server calling an upstream API with signed requests (the signature
 * covers a timestamp from the local clock). The upstream, whose clock is
 * right, rejects requests more than five minutes off its own time, as
 * AWS SigV4-style APIs do. So with a skewed system clock every upstream call
 * fails and /health reports it; the local part keeps serving.
 */

const TOLERANCE_MS = 5 * 60_000;
const CALL_EVERY_MS = 30_000;

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The upstream's answer to a request signed now, or null when it is accepted. */
export function upstreamError(host: Host, proc: Proc): string | null {
  const local = host.now;
  const remote = trueNow(host.state);
  if (Math.abs(local - remote) <= TOLERANCE_MS) return null;
  const upstream = String(proc.params?.upstream ?? "upstream");
  const why = local < remote
    ? `Signature expired: ${iso(local)} is now earlier than ${iso(remote - TOLERANCE_MS)} (${iso(remote)} - 5 min.)`
    : `Signature not yet current: ${iso(local)} is still later than ${iso(remote + TOLERANCE_MS)} (${iso(remote)} + 5 min.)`;
  return `upstream ${upstream}: 403 Forbidden: ${why}`;
}

function json(status: number, reason: string, body: unknown): HttpResponse {
  const text = JSON.stringify(body) + "\n";
  return { status, reason, headers: [["Content-Type", "application/json"], ["Content-Length", String(text.length)]], body: text };
}

export const signingApp: Program = {
  start(host, proc) {
    appServer.start?.(host, proc);
    proc.params = { ...proc.params, nextCallMs: host.now + CALL_EVERY_MS };
  },

  tick(host, proc, fromMs, toMs) {
    appServer.tick?.(host, proc, fromMs, toMs);
    if (toMs < Number(proc.params?.nextCallMs ?? 0)) return;
    proc.params = { ...proc.params, nextCallMs: toMs + CALL_EVERY_MS };
    const err = upstreamError(host, proc);
    if (err !== null) host.log({ ident: "app-server", pid: proc.pid, unit: proc.unit ?? null, priority: 3, message: `ERROR sync orders: ${err}` });
  },

  http(host, proc, req) {
    if (req.path === "/health") {
      const err = upstreamError(host, proc);
      if (err !== null) return json(503, "Service Unavailable", { status: "unhealthy", error: err });
    }
    if (!appServer.http) throw new Error("app-server has no http handler");
    return appServer.http(host, proc, req);
  },
};

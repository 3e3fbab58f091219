import type { Host } from "../state/host.ts";
import type { HttpRequest, HttpResponse } from "../programs/types.ts";
import type { RemoteHost } from "./types.ts";

/**
 * HTTP behaviour of machines beyond this host, by the name stored in
 * RemoteHost.http (state keeps names, code keeps behaviour).
 */
export type Responder = (host: Host, remote: RemoteHost, req: HttpRequest) => HttpResponse;

export function jsonResponse(status: number, reason: string, body: unknown, extra: [string, string][] = []): HttpResponse {
  const text = JSON.stringify(body) + "\n";
  return { status, reason, headers: [["Content-Type", "application/json"], ["Content-Length", String(text.length)], ...extra], body: text };
}

const RESPONDERS: Record<string, Responder> = {
  /** A JSON API that answers /health and 404 elsewhere; params.role names it in its answers. */
  "json-api": (_host, remote, req) => {
    if (req.path === "/health" || req.path === "/healthz") return jsonResponse(200, "OK", { status: "ok", service: String(remote.params?.service ?? "api") });
    return jsonResponse(404, "Not Found", { error: "not found" });
  },
};

const registered: Record<string, Responder> = {};

/** Other modules (scenarios with their own upstreams) add responders here at import time. */
export function registerResponder(name: string, responder: Responder): void {
  registered[name] = responder;
}

export function responderFor(name: string): Responder | null {
  return registered[name] ?? RESPONDERS[name] ?? null;
}

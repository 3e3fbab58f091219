import type { Host } from "../state/host.ts";
import type { HttpRequest, HttpResponse } from "../programs/types.ts";
import { evaluate } from "./firewall.ts";
import { httpLocal } from "./http.ts";
import { isLoopback } from "./ipv4.ts";
import { tcpConnect } from "./remote.ts";
import { responderFor } from "./responders.ts";
import { resolveHost } from "./resolve.ts";
import { isLocalAddress } from "./route.ts";

/**
 * What an HTTP client on this host (curl, or an app's upstream call) gets
 * when it opens a connection to name:port: name resolution through
 * getaddrinfo, then the TCP handshake, then the listener's answer. Failures
 * carry curl 7.88.1's error number and wording, so curl and programs agree.
 */

export interface ConnectOpts {
  /** --connect-timeout in seconds. */
  connectTimeoutSec?: number;
  /** -m/--max-time in seconds. */
  maxTimeSec?: number;
}

export type HttpOutcome =
  | { ok: true; response: HttpResponse | null; addr: string; elapsedMs: number }
  | { ok: false; code: number; message: string; elapsedMs: number };

/** The kernel gives up on an unanswered SYN after 6 retries (tcp_syn_retries), about 130 s. */
const SYN_GIVE_UP_MS = 130_977;

export function httpRequest(host: Host, name: string, port: number, req: Omit<HttpRequest, "port" | "host">, opts: ConnectOpts = {}): HttpOutcome {
  const maxMs = opts.maxTimeSec !== undefined ? opts.maxTimeSec * 1000 : Infinity;
  const r = resolveHost(host, name);
  if (r.elapsedMs >= maxMs) return { ok: false, code: 28, message: `Resolving timed out after ${maxMs} milliseconds`, elapsedMs: maxMs };
  if (!r.ok) return { ok: false, code: 6, message: `Could not resolve host: ${name}`, elapsedMs: r.elapsedMs };
  let elapsed = r.elapsedMs;
  let refused: HttpOutcome | null = null;
  for (const addr of r.addrs) {
    if (isLoopback(addr) || isLocalAddress(host.state, addr)) {
      // Even local connections traverse INPUT (on lo): a rule without -i can cut this host off from itself.
      const v = evaluate(host.state, "INPUT", { src: addr, dst: addr, proto: "tcp", dport: port, inIface: "lo", ctstate: "NEW" }, true);
      if (v.verdict === "DROP") return timedOut(name, port, elapsed, opts);
      if (v.verdict === "REJECT") {
        refused = { ok: false, code: 7, message: `Failed to connect to ${name} port ${port} after ${elapsed} ms: Couldn't connect to server`, elapsedMs: elapsed };
        continue;
      }
      const res = httpLocal(host, port, req.path, req.method, name);
      if (res) return { ok: true, response: res, addr, elapsedMs: elapsed };
      refused = { ok: false, code: 7, message: `Failed to connect to ${name} port ${port} after ${elapsed} ms: Couldn't connect to server`, elapsedMs: elapsed };
      continue;
    }
    const reach = tcpConnect(host, addr, port);
    if (reach.kind === "ok") {
      const remote = host.state.net.remotes?.[addr];
      const responder = remote?.http ? responderFor(remote.http) : null;
      const response = remote && responder ? responder(host, remote, { ...req, host: name, port }) : null;
      return { ok: true, response, addr, elapsedMs: elapsed + reach.rttMs * 2 };
    }
    if (reach.kind === "refused") {
      elapsed += reach.rttMs;
      refused = { ok: false, code: 7, message: `Failed to connect to ${name} port ${port} after ${elapsed} ms: Couldn't connect to server`, elapsedMs: elapsed };
      continue;
    }
    if (reach.kind === "netunreach") {
      refused = { ok: false, code: 7, message: `Failed to connect to ${name} port ${port} after ${elapsed} ms: Couldn't connect to server`, elapsedMs: elapsed };
      continue;
    }
    return timedOut(name, port, elapsed, opts);
  }
  return refused ?? { ok: false, code: 6, message: `Could not resolve host: ${name}`, elapsedMs: elapsed };
}

/** Silence: whichever timeout comes first decides curl's words. */
function timedOut(name: string, port: number, elapsed: number, opts: ConnectOpts): HttpOutcome {
  const maxMs = opts.maxTimeSec !== undefined ? opts.maxTimeSec * 1000 : Infinity;
  const connectMs = opts.connectTimeoutSec !== undefined ? opts.connectTimeoutSec * 1000 : Infinity;
  if (maxMs <= connectMs && maxMs < SYN_GIVE_UP_MS) return { ok: false, code: 28, message: `Connection timed out after ${maxMs + 1} milliseconds`, elapsedMs: maxMs + 1 };
  if (connectMs < SYN_GIVE_UP_MS) return { ok: false, code: 28, message: `Failed to connect to ${name} port ${port} after ${elapsed + connectMs + 1} ms: Timeout was reached`, elapsedMs: elapsed + connectMs + 1 };
  // The kernel gave up on the SYN: curl still reports it under 28, worded as a failed connect.
  return { ok: false, code: 28, message: `Failed to connect to ${name} port ${port} after ${elapsed + SYN_GIVE_UP_MS} ms: Couldn't connect to server`, elapsedMs: elapsed + SYN_GIVE_UP_MS };
}

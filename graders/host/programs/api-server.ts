import type { Host } from "../state/host.ts";
import type { Proc } from "../state/types.ts";
import type { HttpResponse, Program } from "./types.ts";

/**
 * /usr/local/bin/api-server: an HTTP API behind a load balancer that keeps
 * one socket per client connection. Demand (concurrent connections) comes
 * from params and rises at params.peakFromMs; every connection is a real fd
 * on the process, so /proc/PID/fd, lsof and ss count them. When the soft
 * RLIMIT_NOFILE is reached, accept4() fails with EMFILE: the program logs it
 * now and then and its /health reports it, like a real server that cannot
 * open the database connection its health check needs.
 */

const FIRST_CONN_FD = 6;

function log(host: Host, proc: Proc, priority: number, message: string): void {
  host.log({ ident: "api-server", pid: proc.pid, unit: proc.unit ?? null, priority, message });
}

export function demandAt(params: Record<string, string | number>, ms: number): number {
  return ms >= Number(params.peakFromMs ?? Infinity) ? Number(params.peakDemand ?? 0) : Number(params.baseDemand ?? 0);
}

/** Fds the process can hold at all: the soft limit counts fds 0..limit-1. */
function maxFds(proc: Proc): number {
  return proc.limits.nofile[0];
}

function connCount(proc: Proc): number {
  return Object.keys(proc.fds).length - FIRST_CONN_FD;
}

export function saturated(proc: Proc, nowMs: number): boolean {
  return FIRST_CONN_FD + demandAt(proc.params ?? {}, nowMs) > maxFds(proc);
}

/** Open or close client sockets so the process holds min(demand, what the limit allows). */
export function syncConnections(host: Host, proc: Proc, nowMs: number): void {
  const params = proc.params ?? {};
  const want = Math.max(0, Math.min(demandAt(params, nowMs), maxFds(proc) - FIRST_CONN_FD));
  let have = connCount(proc);
  if (have === want) return;
  const ip = host.state.net.interfaces.flatMap((i) => i.addrs).find((a) => a.family === "inet" && a.scope === "global")?.address ?? "127.0.0.1";
  const port = Number(params.port);
  const lb = String(params.lbNet ?? "10.0.1");
  while (have < want) {
    const i = have;
    proc.fds[String(FIRST_CONN_FD + i)] = {
      kind: "socket", proto: "TCP", state: "ESTABLISHED", inode: 1_000_000 + (proc.pid % 900) * 10_000 + i,
      localAddr: ip, localPort: port, remote: { addr: `${lb}.${5 + (i % 3)}`, port: 32_768 + ((i * 7919 + proc.pid) % 28_000) },
    };
    have++;
  }
  while (have > want) {
    have--;
    delete proc.fds[String(FIRST_CONN_FD + have)];
  }
}

function json(status: number, reason: string, body: unknown): HttpResponse {
  const text = JSON.stringify(body) + "\n";
  return { status, reason, headers: [["Content-Type", "application/json"], ["Content-Length", String(text.length)]], body: text };
}

export const EMFILE_LINE = "accept4() failed (24: Too many open files), retrying in 1s";

export const apiServer: Program = {
  start(host, proc) {
    const port = Number(proc.params?.port);
    // 3: listening socket, 4: epoll, 5: the database connection pool's first socket.
    proc.fds["3"] = { kind: "socket", proto: "TCP", localPort: port, state: "LISTEN", inode: 20_000 + proc.pid };
    proc.fds["4"] = { kind: "pipe", inode: 20_001 + proc.pid };
    proc.fds["5"] = { kind: "socket", proto: "unix", inode: 20_002 + proc.pid };
    log(host, proc, 6, `api-server ${String(proc.params?.version ?? "3.0.0")} listening on :${port} (4 workers)`);
    syncConnections(host, proc, host.now);
  },

  tick(host, proc, _fromMs, toMs) {
    syncConnections(host, proc, toMs);
    const params = proc.params ?? {};
    if (!saturated(proc, toMs)) return;
    const next = Number(params.nextErrMs ?? 0);
    if (toMs < next) return;
    log(host, proc, 3, EMFILE_LINE);
    // Not every failed accept is logged: the server rate-limits the message.
    proc.params = { ...params, nextErrMs: toMs + 10_000 + ((toMs / 1000) % 23) * 1000 };
  },

  http(host, proc, req) {
    if (req.path === "/health") {
      if (saturated(proc, host.now)) return json(503, "Service Unavailable", { status: "unhealthy", error: "database connection failed: socket(): Too many open files" });
      return json(200, "OK", { status: "ok" });
    }
    if (saturated(proc, host.now)) return json(503, "Service Unavailable", { error: "service unavailable" });
    return json(404, "Not Found", { error: "not found" });
  },
};

import { createFile, ROOT, tryResolve } from "../state/fs.ts";
import { fileSize } from "../state/usage.ts";
import type { Host } from "../state/host.ts";
import type { FileInode, Proc } from "../state/types.ts";
import { evaluate } from "../net/firewall.ts";
import { readResolvConf, resolveHost } from "../net/resolve.ts";
import { tcpConnect } from "../net/remote.ts";
import { primaryAddress } from "../net/route.ts";
import type { HttpResponse, Program } from "./types.ts";

/**
 * /usr/local/bin/<name>: a Go HTTP service whose health depends on the
 * network, for the network scenarios. params:
 * - port, logFile, ident: where it listens and logs.
 * - upstream, upstreamPort: a dependency it dials for every health check.
 *   Go's pure resolver reads /etc/hosts and /etc/resolv.conf afresh, so a
 *   fixed resolver helps at once; with `pinAtStart` the address is resolved
 *   once at start and kept (a connection pool), so only a restart picks up
 *   a new one. `needsRole` is the role the upstream host must have
 *   (a database primary vs a read-only replica).
 * - lbIp, probeSec: a load balancer probing /health; every probe passes
 *   through INPUT like a real packet (counters go up) and, when let in,
 *   lands in the access log.
 */

const LOG_FD = "3";

function ident(proc: Proc): string {
  return String(proc.params?.ident ?? proc.comm);
}

function log(host: Host, proc: Proc, priority: number, message: string): void {
  host.log({ ident: ident(proc), pid: proc.pid, unit: proc.unit ?? null, priority, message });
}

function logInode(host: Host, proc: Proc): FileInode | null {
  const fd = proc.fds[LOG_FD];
  if (!fd || fd.kind !== "file") return null;
  const inode = host.state.fs.inodes[fd.ino];
  return inode && inode.kind === "file" ? inode : null;
}

/** Keeps the literal tail of the log short: older lines become generated access-log bytes. */
function appendLog(host: Host, proc: Proc, line: string, atMs: number): void {
  const inode = logInode(host, proc);
  if (!inode) return;
  inode.text += line;
  inode.mtimeMs = atMs;
  if (inode.text.length > 16_384) {
    const cut = inode.text.indexOf("\n", inode.text.length - 8_192) + 1;
    inode.genBytes += cut;
    inode.gen ??= { name: "access-log", params: { startMs: atMs, stepMs: 40, seed: proc.pid } };
    inode.text = inode.text.slice(cut);
  }
}

/** Go's error for a failed dial to name:port, worded as net.Dial reports it. */
export function dialError(host: Host, proc: Proc): string | null {
  const params = proc.params ?? {};
  const name = String(params.upstream ?? "");
  if (name === "") return null;
  const port = Number(params.upstreamPort);
  let addr = String(params.pinnedAddr ?? "");
  if (!params.pinAtStart || addr === "") {
    const r = resolveHost(host, name, "inet");
    if (!r.ok) {
      const servers = readResolvConf(host).nameservers;
      const server = servers[servers.length - 1] ?? "127.0.0.1";
      const src = primaryAddress(host.state, "ens5") ?? "127.0.0.1";
      if (r.error === "TIMEOUT") return `dial tcp: lookup ${name} on ${server}:53: read udp ${src}:${40_000 + (proc.pid % 20_000)}->${server}:53: i/o timeout`;
      return `dial tcp: lookup ${name} on ${server}:53: no such host`;
    }
    addr = r.addrs[0] ?? "";
  }
  const reach = tcpConnect(host, addr, port);
  if (reach.kind === "timeout") return `dial tcp ${addr}:${port}: i/o timeout`;
  if (reach.kind === "refused") return `dial tcp ${addr}:${port}: connect: connection refused`;
  if (reach.kind === "netunreach") return `dial tcp ${addr}:${port}: connect: network is unreachable`;
  const role = params.needsRole;
  const remote = host.state.net.remotes?.[addr];
  if (role !== undefined && remote?.params?.role !== role) return String(remote?.params?.roleError ?? `unexpected upstream role at ${addr}`);
  return null;
}

function json(status: number, reason: string, body: unknown): HttpResponse {
  const text = JSON.stringify(body) + "\n";
  return { status, reason, headers: [["Content-Type", "application/json"], ["Content-Length", String(text.length)]], body: text };
}

function openLog(host: Host, proc: Proc): void {
  const path = String(proc.params?.logFile ?? "");
  if (path === "") return;
  const existing = tryResolve(host.state, ROOT, path);
  const inode = existing?.inode.kind === "file" ? existing.inode : createFile(host.state, ROOT, path, "", { uid: proc.uid, gid: proc.gid, mode: 0o640 });
  proc.fds[LOG_FD] = { kind: "file", ino: inode.ino, path, mode: "a", offset: fileSize(inode) };
}

export const netApp: Program = {
  start(host, proc) {
    const params = proc.params ?? {};
    openLog(host, proc);
    const port = Number(params.port);
    proc.fds["4"] = { kind: "socket", proto: "TCP", localPort: port, state: "LISTEN", inode: 20_000 + proc.pid };
    log(host, proc, 6, `http: listening on :${port}`);
    if (params.pinAtStart && params.upstream) {
      const r = resolveHost(host, String(params.upstream), "inet");
      proc.params = { ...params, pinnedAddr: r.ok ? (r.addrs[0] ?? "") : "" };
      if (r.ok) {
        // The pool's open connections: ss, lsof and /proc/<pid>/fd show where it really talks to.
        const local = primaryAddress(host.state, "ens5") ?? "127.0.0.1";
        for (let i = 0; i < 2; i++) {
          proc.fds[String(5 + i)] = {
            kind: "socket", proto: "TCP", state: "ESTABLISHED", inode: 22_000 + proc.pid * 4 + i, localAddr: local,
            localPort: 41_000 + ((proc.pid * 7 + i * 13) % 20_000), remote: { addr: r.addrs[0] ?? "", port: Number(params.upstreamPort) },
          };
        }
        log(host, proc, 6, `db: pool connected to ${String(params.upstream)} (${r.addrs[0] ?? ""}:${Number(params.upstreamPort)})`);
      }
    }
    const err = dialError(host, proc);
    proc.params = { ...proc.params, upstreamOk: err === null ? 1 : 0 };
    if (err !== null) log(host, proc, 3, `health: upstream ${String(params.upstream)}: ${err}`);
  },

  tick(host, proc, fromMs, toMs) {
    const params = proc.params ?? {};
    const every = Number(params.probeSec ?? 0) * 1000;
    if (every > 0 && params.lbIp) {
      const port = Number(params.port);
      const local = primaryAddress(host.state, "ens5") ?? "0.0.0.0";
      for (let t = Math.floor(fromMs / every + 1) * every; t <= toMs; t += every) {
        const v = evaluate(host.state, "INPUT", { src: String(params.lbIp), dst: local, proto: "tcp", dport: port, inIface: "ens5", ctstate: "NEW", bytes: 60 }, true);
        if (v.verdict !== "ACCEPT") continue;
        const status = dialError(host, proc) === null ? 200 : 503;
        appendLog(host, proc, `${new Date(t).toISOString()} INFO  ${String(params.lbIp)} "GET /health HTTP/1.1" ${status} "ELB-HealthChecker/2.0"\n`, t);
      }
    }
    // Background traffic that a firewall rule may be counting (scrapers, other clients).
    const noiseEvery = Number(params.noiseSec ?? 0) * 1000;
    if (noiseEvery > 0 && params.noiseNet) {
      const local = primaryAddress(host.state, "ens5") ?? "0.0.0.0";
      for (let t = Math.floor(fromMs / noiseEvery + 1) * noiseEvery; t <= toMs; t += noiseEvery) {
        const src = `${String(params.noiseNet)}.${1 + ((t / noiseEvery) % 250)}`;
        evaluate(host.state, "INPUT", { src, dst: local, proto: "tcp", dport: Number(params.port), inIface: "ens5", ctstate: "NEW", bytes: 60 }, true);
      }
    }
    if (params.upstream && Math.floor(toMs / 30_000) !== Math.floor(fromMs / 30_000)) {
      const err = dialError(host, proc);
      const ok = err === null ? 1 : 0;
      if (err !== null) log(host, proc, 3, `health: upstream ${String(params.upstream)}: ${err}`);
      else if (!params.upstreamOk) log(host, proc, 6, `health: upstream ${String(params.upstream)} ok again`);
      proc.params = { ...proc.params, upstreamOk: ok };
    }
  },

  http(host, proc, req) {
    if (req.path === "/health" || req.path === "/healthz") {
      const err = dialError(host, proc);
      if (err !== null) return json(503, "Service Unavailable", { status: "unhealthy", error: `upstream ${String(proc.params?.upstream)}: ${err}` });
      return json(200, "OK", { status: "ok" });
    }
    return json(404, "Not Found", { error: "not found" });
  },
};

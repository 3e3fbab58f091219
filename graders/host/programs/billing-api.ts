import type { Host } from "../state/host.ts";
import type { Proc } from "../state/types.ts";
import type { HttpResponse, Program } from "./types.ts";

/**
 * /usr/local/bin/billing-api: reads its database settings from the
 * environment (DATABASE_URL) at start, connects, then serves HTTP with a
 * /health endpoint. Without the variable it logs why and exits 1 at once,
 * as twelve-factor services do; with a URL that is not the real database's
 * it cannot log in and exits 1 as well. params.dbUrl is the working URL.
 */

function log(host: Host, proc: Proc, priority: number, message: string): void {
  host.log({ ident: "billing-api", pid: proc.pid, unit: proc.unit ?? null, priority, message });
}

/** postgres://user:secret@host:port/db -> host:port/db, never the secret. */
export function dbTarget(url: string): string {
  const m = /^[a-z]+:\/\/(?:[^@/]*@)?([^/?#]+)(\/[^?#]*)?/.exec(url);
  return m ? `${m[1] ?? ""}${m[2] ?? ""}` : "(unparseable)";
}

function json(status: number, reason: string, body: unknown): HttpResponse {
  const text = JSON.stringify(body) + "\n";
  return { status, reason, headers: [["Content-Type", "application/json"], ["Content-Length", String(text.length)]], body: text };
}

export const billingApi: Program = {
  start(host, proc) {
    const params = proc.params ?? {};
    const url = proc.env.DATABASE_URL;
    log(host, proc, 6, `billing-api ${String(params.version ?? "1.0.0")} starting (pid ${proc.pid})`);
    if (url === undefined || url === "") {
      log(host, proc, 2, "FATAL config: required environment variable DATABASE_URL is not set");
      host.terminate(proc, 0, 1);
      return;
    }
    if (url !== String(params.dbUrl)) {
      log(host, proc, 2, `FATAL db: cannot connect to ${dbTarget(url)}: authentication failed or database unreachable`);
      host.terminate(proc, 0, 1);
      return;
    }
    const port = Number(params.port);
    const ip = host.state.net.interfaces.flatMap((i) => i.addrs).find((a) => a.family === "inet" && a.scope === "global")?.address ?? "127.0.0.1";
    proc.fds["3"] = {
      kind: "socket", proto: "TCP", state: "ESTABLISHED", inode: 21_000 + proc.pid, localAddr: ip, localPort: 40_000 + (proc.pid % 20_000),
      remote: { addr: String(params.dbAddr), port: 5432 },
    };
    proc.fds["4"] = { kind: "socket", proto: "TCP", localPort: port, state: "LISTEN", inode: 20_000 + proc.pid };
    log(host, proc, 6, `db: connected to ${dbTarget(url)}`);
    log(host, proc, 6, `http: listening on :${port}`);
  },

  http(_host, _proc, req) {
    if (req.path === "/health") return json(200, "OK", { status: "ok", db: "ok" });
    return json(404, "Not Found", { error: "not found" });
  },
};

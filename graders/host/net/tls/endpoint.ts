import type { Host } from "../../state/host.ts";
import { programFor } from "../../programs/registry.ts";
import { certsInPem, type Cert } from "./x509.ts";

/**
 * A TLS client's view of a port on this host: nothing listening (refused),
 * a plain-TCP server (the handshake fails), or the certificate chain the
 * listening program presents for the requested server name.
 */
export type Handshake = { kind: "refused" } | { kind: "plain" } | { kind: "tls"; chain: Cert[]; pem: string };

export function handshake(host: Host, port: number, serverName: string | null): Handshake {
  for (const proc of Object.values(host.state.procs)) {
    if (proc.state === "Z" || proc.state === "T") continue;
    const listens = Object.values(proc.fds).some((fd) => fd.kind === "socket" && fd.proto === "TCP" && fd.state === "LISTEN" && fd.localPort === port);
    if (!listens) continue;
    const pem = proc.program ? (programFor(proc.program).tls?.(host, proc, port, serverName) ?? null) : null;
    if (pem === null) return { kind: "plain" };
    return { kind: "tls", chain: certsInPem(pem), pem };
  }
  return { kind: "refused" };
}

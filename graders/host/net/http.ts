import type { Host } from "../state/host.ts";
import type { HttpResponse } from "../programs/types.ts";
import { programFor } from "../programs/registry.ts";

/**
 * An HTTP request to a port on this host: whichever live process listens
 * there answers through its program. Nothing listening is a refused
 * connection (null), as curl would report it.
 */
export function httpLocal(host: Host, port: number, path: string, method = "GET", hostHeader = "localhost"): HttpResponse | null {
  for (const proc of Object.values(host.state.procs)) {
    if (proc.state === "Z" || proc.state === "T") continue;
    const listens = Object.values(proc.fds).some((fd) => fd.kind === "socket" && fd.proto === "TCP" && fd.state === "LISTEN" && fd.localPort === port);
    if (!listens || !proc.program) continue;
    const program = programFor(proc.program);
    if (!program.http) return null;
    // The Host header the client sent (the name it connected to): virtual hosts and redirects use it.
    return program.http(host, proc, { method, host: hostHeader, port, path });
  }
  return null;
}

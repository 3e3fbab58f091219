import type { Proc } from "../state/types.ts";

/**
 * The host's TCP and UDP sockets as /proc/net/{tcp,udp} list them: one per
 * socket inode, with every process holding it (sshd's monitor and session
 * share a connection; nginx's master and workers share the listener). ss and
 * netstat format this same table.
 */
export interface InetSocket {
  proto: "tcp" | "udp";
  localAddr: string;
  localPort: number;
  remote: { addr: string; port: number } | null;
  /** TCP LISTEN, or any unconnected UDP socket. */
  listening: boolean;
  /** Holders in pid order; the fd is the first holder's. */
  owners: Proc[];
  fd: string;
  inode: number;
}

export function inetSockets(procs: readonly Proc[]): InetSocket[] {
  const byInode = new Map<number, InetSocket>();
  const out: InetSocket[] = [];
  for (const p of [...procs].sort((a, b) => a.pid - b.pid)) {
    for (const [fd, t] of Object.entries(p.fds)) {
      if (t.kind !== "socket" || t.proto === "unix" || t.localPort === undefined) continue;
      const same = byInode.get(t.inode);
      if (same) {
        same.owners.push(p);
        continue;
      }
      const sock: InetSocket = {
        proto: t.proto === "TCP" ? "tcp" : "udp",
        localAddr: t.localAddr ?? String(p.params?.bindAddress ?? "0.0.0.0"),
        localPort: t.localPort,
        remote: t.remote ?? null,
        listening: t.proto === "UDP" || t.state === "LISTEN",
        owners: [p],
        fd,
        inode: t.inode,
      };
      byInode.set(t.inode, sock);
      out.push(sock);
    }
  }
  return out;
}

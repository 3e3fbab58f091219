import type { Proc } from "../../state/types.ts";
import { fail, ok, type HostCommand } from "../types.ts";
import { parseFilter } from "./filter.ts";

/**
 * ss from iproute2 6.1 for TCP/UDP sockets (-t -u -l -a -n -p, clustered).
 * Addresses are right-aligned and ports left-aligned around the colon, and
 * when stdout is not a terminal the Process header runs into "Port", exactly
 * as ss prints it into a pipe. -p shows owners only to root, as the kernel
 * hides other users' fds.
 */

interface Sock {
  proto: "tcp" | "udp";
  state: string;
  recvQ: number;
  sendQ: number;
  local: [string, string];
  peer: [string, string];
  owner: Proc;
  fd: string;
  owners: Proc[];
  inode?: number;
}

const SERVICES: Record<string, string> = { "22": "ssh", "80": "http", "443": "https", "53": "domain", "25": "smtp", "8080": "http-alt", "5432": "postgresql", "6379": "redis" };

function sockets(procs: Proc[]): Sock[] {
  const out: Sock[] = [];
  const byInode = new Map<number, Sock>();
  for (const p of procs) {
    for (const [fd, t] of Object.entries(p.fds)) {
      if (t.kind !== "socket" || t.proto === "unix" || t.localPort === undefined) continue;
      const listening = t.state === "LISTEN";
      const sock: Sock = {
        proto: t.proto === "TCP" ? "tcp" : "udp", state: t.proto === "UDP" ? "UNCONN" : listening ? "LISTEN" : "ESTAB",
        recvQ: 0, sendQ: listening ? Number(p.params?.backlog ?? 4096) : 0,
        local: [t.localAddr ?? String(p.params?.bindAddress ?? "0.0.0.0"), String(t.localPort)],
        peer: t.remote ? [t.remote.addr, String(t.remote.port)] : [(t.localAddr ?? "").includes(":") ? "[::]" : "0.0.0.0", "*"], owner: p, fd,
        owners: [p],
      };
      // One connection held by several processes (sshd's monitor and session) is one socket with several users.
      const same = byInode.get(t.inode);
      if (same) same.owners.push(p);
      else {
        const fresh = { ...sock, inode: t.inode };
        byInode.set(t.inode, fresh);
        out.push(fresh);
      }
    }
  }
  return out;
}

export const ss: HostCommand = {
  name: "ss",
  async run(args, _ctx, rt) {
    let tcp = false;
    let udp = false;
    let listening = false;
    let all = false;
    let numeric = false;
    let processes = false;
    const filterWords: string[] = [];
    for (const a of args) {
      if (a === "--tcp") tcp = true;
      else if (a === "--udp") udp = true;
      else if (a === "--listening") listening = true;
      else if (a === "--numeric") numeric = true;
      else if (a === "--processes") processes = true;
      else if (a === "--all") all = true;
      else if (/^-[tulanp4]+$/.test(a)) {
        for (const ch of a.slice(1)) {
          if (ch === "t") tcp = true;
          else if (ch === "u") udp = true;
          else if (ch === "l") listening = true;
          else if (ch === "a") all = true;
          else if (ch === "n") numeric = true;
          else if (ch === "p") processes = true;
        }
      } else if (!a.startsWith("-") || a === "-") filterWords.push(a);
      else return fail(`ss: invalid option -- '${a.replace(/^-+/, "").charAt(0)}'\n`);
    }
    const filter = filterWords.length ? parseFilter(filterWords, SERVICES) : null;
    if (typeof filter === "string") return fail(`${filter}\n`);
    if (!tcp && !udp) tcp = udp = true;
    const procs = Object.values(rt.host.state.procs).sort((a, b) => a.pid - b.pid);
    const rows = sockets(procs).filter((s) => ((s.proto === "tcp" && tcp) || (s.proto === "udp" && udp)) && (all || (listening ? s.state === "LISTEN" || s.state === "UNCONN" : s.state !== "LISTEN" && s.state !== "UNCONN")) && (filter === null || filter({ state: s.state, localPort: s.local[1], peerPort: s.peer[1] })));
    const port = (p: string): string => (numeric || p === "*" ? p : (SERVICES[p] ?? p));
    const showNetid = tcp && udp;
    // With one state selected, every row would say the same thing: ss drops the State column.
    const showState = !(filterWords[0] === "state" && filterWords[1] !== undefined && filterWords[1] !== "all");
    const wState = Math.max(5, ...rows.map((r) => r.state.length));
    const wLa = Math.max(13, ...rows.map((r) => r.local[0].length));
    const wLp = Math.max(4, ...rows.map((r) => port(r.local[1]).length));
    const wPa = Math.max(12, ...rows.map((r) => r.peer[0].length));
    const wPp = Math.max(4, ...rows.map((r) => port(r.peer[1]).length));
    const head = (netid: string, state: string, rq: string, sq: string, la: string, lp: string, pa: string, pp: string, proc: string): string =>
      `${showNetid ? `${netid.padEnd(5)} ` : ""}${showState ? `${state.padEnd(wState)} ` : ""}${rq.padEnd(6)} ${sq.padEnd(6)} ${la.padStart(wLa)}:${lp.padEnd(wLp)} ${pa.padStart(wPa)}:${pp.padEnd(wPp)}${proc}`;
    let out = head("Netid", "State", "Recv-Q", "Send-Q", "Local Address", "Port", "Peer Address", "Port", "Process") + "\n";
    for (const r of rows) {
      const visible = r.owners.filter((o) => processes && (rt.cred.uid === 0 || rt.cred.uid === o.uid));
      const owner = visible.length ? `users:(${visible.map((o) => `("${o.comm}",pid=${o.pid},fd=${r.fd})`).join(",")})` : "";
      // A peer port as wide as its column still gets one space before the process list.
      const sep = owner && port(r.peer[1]).length >= wPp ? " " : "";
      out += head(r.proto, r.state, String(r.recvQ), String(r.sendQ), r.local[0], port(r.local[1]), r.peer[0], port(r.peer[1]), sep + owner).trimEnd() + "\n";
    }
    return ok(out);
  },
};

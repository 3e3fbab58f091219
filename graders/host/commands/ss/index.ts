import type { Proc } from "../../state/types.ts";
import { fail, ok, type HostCommand } from "../types.ts";
import { parseFilter } from "./filter.ts";
import { inetSockets } from "../../net/sockets.ts";
import { serviceName } from "../../net/services.ts";

/**
 * ss from iproute2 6.1 for TCP/UDP sockets (-t -u -l -a -n -p, clustered).
 * Addresses are right-aligned and ports left-aligned around the colon, and
 * when stdout is not a terminal the Process header runs into "Port", exactly
 * as ss prints it into a pipe. -p shows owners only to root, as the kernel
 * hides other users' fds.
 */

/** Port names as ss prints them from /etc/services unless -n; "*" is an unbound peer port. */
function portName(port: string, proto: "tcp" | "udp", numeric: boolean): string {
  if (numeric || port === "*") return port;
  return serviceName(Number(port), proto) ?? port;
}

interface Sock {
  proto: "tcp" | "udp";
  state: string;
  sendQ: number;
  local: [string, string];
  peer: [string, string];
  owners: Proc[];
  fd: string;
}

/** The socket table with ss's columns: UNCONN/LISTEN/ESTAB, the listen backlog as Send-Q, "*" for no peer. */
function sockets(procs: Proc[]): Sock[] {
  return inetSockets(procs).map((s) => {
    const owner = s.owners[0] as Proc;
    return {
      proto: s.proto,
      state: s.proto === "udp" ? "UNCONN" : s.listening ? "LISTEN" : "ESTAB",
      sendQ: s.proto === "tcp" && s.listening ? Number(owner.params?.backlog ?? 4096) : 0,
      local: [s.localAddr, String(s.localPort)],
      peer: s.remote ? [s.remote.addr, String(s.remote.port)] : [s.localAddr.includes(":") ? "[::]" : "0.0.0.0", "*"],
      owners: s.owners,
      fd: s.fd,
    };
  });
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
    const filter = filterWords.length ? parseFilter(filterWords) : null;
    if (typeof filter === "string") return fail(`${filter}\n`);
    if (!tcp && !udp) tcp = udp = true;
    const procs = Object.values(rt.host.state.procs).sort((a, b) => a.pid - b.pid);
    const rows = sockets(procs).filter((s) => ((s.proto === "tcp" && tcp) || (s.proto === "udp" && udp)) && (all || (listening ? s.state === "LISTEN" || s.state === "UNCONN" : s.state !== "LISTEN" && s.state !== "UNCONN")) && (filter === null || filter({ state: s.state, localPort: s.local[1], peerPort: s.peer[1] })));
    const port = (p: string, proto: "tcp" | "udp"): string => portName(p, proto, numeric);
    const showNetid = tcp && udp;
    // With one state selected, every row would say the same thing: ss drops the State column.
    const showState = !(filterWords[0] === "state" && filterWords[1] !== undefined && filterWords[1] !== "all");
    const wState = Math.max(5, ...rows.map((r) => r.state.length));
    const wLa = Math.max(13, ...rows.map((r) => r.local[0].length));
    const wLp = Math.max(4, ...rows.map((r) => port(r.local[1], r.proto).length));
    const wPa = Math.max(12, ...rows.map((r) => r.peer[0].length));
    const wPp = Math.max(4, ...rows.map((r) => port(r.peer[1], r.proto).length));
    const head = (netid: string, state: string, rq: string, sq: string, la: string, lp: string, pa: string, pp: string, proc: string): string =>
      `${showNetid ? `${netid.padEnd(5)} ` : ""}${showState ? `${state.padEnd(wState)} ` : ""}${rq.padEnd(6)} ${sq.padEnd(6)} ${la.padStart(wLa)}:${lp.padEnd(wLp)} ${pa.padStart(wPa)}:${pp.padEnd(wPp)}${proc}`;
    let out = head("Netid", "State", "Recv-Q", "Send-Q", "Local Address", "Port", "Peer Address", "Port", "Process") + "\n";
    for (const r of rows) {
      const visible = r.owners.filter((o) => processes && (rt.cred.uid === 0 || rt.cred.uid === o.uid));
      const owner = visible.length ? `users:(${visible.map((o) => `("${o.comm}",pid=${o.pid},fd=${r.fd})`).join(",")})` : "";
      // A peer port as wide as its column still gets one space before the process list.
      const sep = owner && port(r.peer[1], r.proto).length >= wPp ? " " : "";
      out += head(r.proto, r.state, "0", String(r.sendQ), r.local[0], port(r.local[1], r.proto), r.peer[0], port(r.peer[1], r.proto), sep + owner).trimEnd() + "\n";
    }
    return ok(out);
  },
};

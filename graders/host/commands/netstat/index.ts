import type { HostState, Proc } from "../../state/types.ts";
import { inetSockets } from "../../net/sockets.ts";
import { formatIpv4, maskOf, parseCidr } from "../../net/ipv4.ts";
import { reverseLookup } from "../../net/resolve.ts";
import { serviceName } from "../../net/services.ts";
import type { Host } from "../../state/host.ts";
import { fail, type HostCommand } from "../types.ts";

/**
 * netstat from net-tools 2.10 for Internet sockets: -t -u -l -a -n -p
 * (clustered, e.g. -tlnp, -tunlp, -an), the routing table (-rn) and the
 * interface table (-i). Fixed-width columns as netstat
 * prints them; -p shows "PID/name" (cut to 19 characters) for processes the
 * caller may inspect and "-" for the rest, with the "Not all processes could
 * be identified" note on stderr for non-root users.
 */

/** What /proc/PID/cmdline gives netstat: argv[0], without its directory when it is a path. */
function progName(p: Proc): string {
  const argv0 = p.argv[0] ?? p.comm;
  return argv0.startsWith("/") ? (argv0.split("/").pop() ?? argv0) : argv0;
}

/**
 * `netstat -r`: the kernel table as /proc/net/route gives it, flags U, G
 * (via a gateway) and H (a host route); names unless -n, cut to the
 * 15-character column as netstat does.
 */
function routeTable(host: Host, numeric: boolean): string {
  const state: HostState = host.state;
  const name = (ip: string): string => (numeric ? ip : (reverseLookup(host, ip)?.name ?? ip)).slice(0, 15);
  let out = "Kernel IP routing table\nDestination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n";
  for (const r of state.net.routes) {
    const c = parseCidr(r.dst);
    if (!c) continue;
    const dest = c.prefix === 0 ? (numeric ? "0.0.0.0" : "default") : c.prefix === 32 ? name(formatIpv4(c.net)) : formatIpv4(c.net);
    const gw = r.via ? name(r.via) : "0.0.0.0";
    const flags = `U${r.via ? "G" : ""}${c.prefix === 32 ? "H" : ""}`;
    out += `${dest.padEnd(15)} ${gw.padEnd(15)} ${formatIpv4(maskOf(c.prefix)).padEnd(15)} ${flags.padEnd(5)} ${"0".padStart(5)} ${"0".padEnd(6)} ${"0".padStart(5)} ${r.dev}\n`;
  }
  return out;
}

/**
 * `netstat -i`: interfaces sorted by name as net-tools lists them. The
 * kernel's packet counters are not part of the host model; they grow with
 * uptime at a per-host rate so that two runs a minute apart differ the way
 * a live box's do.
 */
function interfaceTable(host: Host): string {
  const state: HostState = host.state;
  const upSec = Math.max(0, Math.floor((host.now - state.clock.bootMs) / 1000));
  let out = "Kernel Interface table\nIface             MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n";
  for (const i of [...state.net.interfaces].sort((a, b) => a.name.localeCompare(b.name))) {
    const rate = i.link === "loopback" ? 2 : 30 + (state.seed % 40);
    const rx = Math.floor(upSec * rate);
    const tx = i.link === "loopback" ? rx : Math.floor(rx * 0.71);
    const flags = (i.link === "loopback" ? "L" : "BM") + (i.up ? "RU" : "");
    out += `${i.name.padEnd(15)} ${String(i.mtu).padStart(5)} ${String(rx).padStart(8)} ${"0".padStart(6)} ${"0".padStart(6)} ${"0".padEnd(6)} ${String(tx).padStart(8)} ${"0".padStart(6)} ${"0".padStart(6)} ${"0".padStart(6)} ${flags}\n`;
  }
  return out;
}

export const netstat: HostCommand = {
  name: "netstat",
  async run(args, _ctx, rt) {
    let tcp = false;
    let udp = false;
    let listening = false;
    let all = false;
    let numeric = false;
    let programs = false;
    let routes = false;
    let interfaces = false;
    for (const a of args) {
      if (/^-[tulanpri]+$/.test(a)) {
        for (const ch of a.slice(1)) {
          if (ch === "t") tcp = true;
          else if (ch === "u") udp = true;
          else if (ch === "l") listening = true;
          else if (ch === "a") all = true;
          else if (ch === "n") numeric = true;
          else if (ch === "p") programs = true;
          else if (ch === "r") routes = true;
          else if (ch === "i") interfaces = true;
        }
      } else if (a === "--tcp") tcp = true;
      else if (a === "--udp") udp = true;
      else if (a === "--listening") listening = true;
      else if (a === "--numeric") numeric = true;
      else if (a === "--program") programs = true;
      else return fail(`netstat: invalid option -- '${a.replace(/^-+/, "").charAt(0)}'\nusage: netstat [-vWeenNcCF] [<Af>] -r         netstat {-V|--version|-h|--help}\n`, 1);
    }
    if (interfaces) return { stdout: interfaceTable(rt.host), stderr: "", exitCode: 0 };
    if (routes) return { stdout: routeTable(rt.host, numeric), stderr: "", exitCode: 0 };
    if (!tcp && !udp) tcp = udp = true;
    const selected = inetSockets(Object.values(rt.host.state.procs)).filter((r) => ((r.proto === "tcp" && tcp) || (r.proto === "udp" && udp)) && (all || (listening ? r.listening : !r.listening)));
    // netstat lists TCP before UDP.
    selected.sort((a, b) => (a.proto === b.proto ? 0 : a.proto === "tcp" ? -1 : 1));
    const addr = (ip: string, port: number | null, proto: "tcp" | "udp"): string => {
      const host = numeric ? ip : ip === "127.0.0.1" ? "localhost" : ip;
      const p = port === null ? "*" : numeric ? String(port) : (serviceName(port, proto) ?? String(port));
      return `${host}:${p}`;
    };
    const kind = all ? "servers and established" : listening ? "only servers" : "w/o servers";
    let out = `Active Internet connections (${kind})\nProto Recv-Q Send-Q Local Address           Foreign Address         State      ${programs ? " PID/Program name    " : ""}\n`;
    let hidden = false;
    for (const r of selected) {
      const state = r.proto === "udp" ? "" : r.listening ? "LISTEN" : "ESTABLISHED";
      let line = `${r.proto.padEnd(5)} ${"0".padStart(6)} ${"0".padStart(6)} ${addr(r.localAddr, r.localPort, r.proto).padEnd(23)} ${addr(r.remote?.addr ?? "0.0.0.0", r.remote?.port ?? null, r.proto).padEnd(23)} ${state.padEnd(11)}`;
      if (programs) {
        const owner = r.owners.find((o) => rt.cred.uid === 0 || rt.cred.uid === o.uid);
        if (!owner) hidden = true;
        line += ` ${(owner ? `${owner.pid}/${progName(owner)}`.slice(0, 19) : "-").padEnd(20)}`;
      }
      out += `${line}\n`;
    }
    const note = programs && hidden && rt.cred.uid !== 0 ? "(Not all processes could be identified, non-owned process info\n will not be shown, you would have to be root to see it all.)\n" : "";
    return { stdout: out, stderr: note, exitCode: 0 };
  },
};

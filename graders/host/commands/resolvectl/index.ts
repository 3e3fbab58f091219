import type { Host } from "../../state/host.ts";
import { ROOT, tryResolve } from "../../state/fs.ts";
import { resolvedRunning, upstreamServers } from "../../net/dns.ts";
import { queryServer } from "../../net/dns.ts";
import { readHostsFile } from "../../net/hosts-file.ts";
import { STUB_RESOLV, UPLINK_RESOLV } from "../../net/resolved.ts";
import { fail, ok, type HostCommand } from "../types.ts";

/**
 * resolvectl from systemd 252: `status` (global and per-link DNS settings,
 * labels right-aligned per section, and whether /etc/resolv.conf is still
 * resolved's stub symlink: "stub", "uplink" or "foreign"), `dns`, `domain`
 * and `query NAME` through resolved itself (so it works even when
 * /etc/resolv.conf has been pointed somewhere dead).
 */

const NOT_RUNNING = "Failed to get global data: Could not activate remote peer 'org.freedesktop.resolve1': activation request failed: unit is masked or not found.\n";

function table(rows: [string, string][]): string {
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padStart(width)}: ${v}`.trimEnd() + "\n").join("");
}

/** How /etc/resolv.conf relates to resolved, as `resolv.conf mode:` reports it. */
export function resolvConfMode(host: Host): string {
  const link = tryResolve(host.state, ROOT, "/etc/resolv.conf", false);
  if (!link) return "missing";
  if (link.inode.kind !== "symlink") return "foreign";
  const target = link.inode.target.replace(/^(\.\.\/)+/, "/").replace(/^\/+/, "/");
  if (target === STUB_RESOLV) return "stub";
  if (target === UPLINK_RESOLV) return "uplink";
  if (target === "/usr/lib/systemd/resolv.conf" || target === "/lib/systemd/resolv.conf") return "static";
  return "foreign";
}

function status(host: Host, only?: string): string {
  const links = host.state.net.resolved?.links ?? {};
  let out = "";
  if (only === undefined) {
    out += `Global\n${table([["Protocols", "+LLMNR +mDNS -DNSOverTLS DNSSEC=no/unsupported"], ["resolv.conf mode", resolvConfMode(host)]])}`;
  }
  for (const iface of host.state.net.interfaces) {
    if (only !== undefined && iface.name !== only) continue;
    const cfg = links[iface.name];
    if (out !== "") out += "\n";
    out += `Link ${iface.index} (${iface.name})\n`;
    if (!cfg) {
      out += table([["Current Scopes", "none"], ["Protocols", "-DefaultRoute +LLMNR -mDNS -DNSOverTLS DNSSEC=no/unsupported"]]);
      continue;
    }
    const rows: [string, string][] = [["Current Scopes", "DNS LLMNR/IPv4 LLMNR/IPv6"], ["Protocols", "+DefaultRoute +LLMNR -mDNS -DNSOverTLS DNSSEC=no/unsupported"]];
    if (cfg.dns[0]) rows.push(["Current DNS Server", cfg.dns[0]]);
    if (cfg.dns.length > 0) rows.push(["DNS Servers", cfg.dns.join(" ")]);
    if (cfg.domains.length > 0) rows.push(["DNS Domain", cfg.domains.join(" ")]);
    out += table(rows);
  }
  return out;
}

function query(host: Host, name: string): { out: string; ok: boolean } {
  const lower = name.toLowerCase().replace(/\.$/, "");
  const fromHosts = readHostsFile(host).filter((e) => e.names.includes(lower));
  let addrs: { value: string; link: string }[] = fromHosts.map((e) => ({ value: e.ip, link: "" }));
  let source = "-- Data from: synthetic";
  let protocol = "";
  let cname: string | null = null;
  if (addrs.length === 0) {
    let answered = false;
    const linkOf = (server: string): string => Object.entries(host.state.net.resolved?.links ?? {}).find(([, l]) => l.dns.includes(server))?.[0] ?? "";
    for (const server of upstreamServers(host)) {
      const a = queryServer(host, server, lower, "A");
      if (a.kind !== "answer") continue;
      answered = true;
      if (a.rcode === "NXDOMAIN") return { out: `${name}: resolve call failed: '${name}' not found\n`, ok: false };
      for (const r of a.answers) {
        if (r.type === "CNAME") cname = r.value.replace(/\.$/, "");
        if (r.type === "A") addrs.push({ value: r.value, link: linkOf(server) });
      }
      protocol = `\n-- Information acquired via protocol DNS in ${(a.rttMs + 0.4).toFixed(1)}ms.\n-- Data is authenticated: no; Data was acquired via local or encrypted transport: no\n`;
      source = "-- Data from: network";
      break;
    }
    if (!answered) return { out: `${name}: resolve call failed: All attempts to contact name servers or networks failed\n`, ok: false };
    if (addrs.length === 0) return { out: `${name}: resolve call failed: '${name}' does not have any RR of the requested type\n`, ok: false };
  } else {
    protocol = "\n-- Information acquired via protocol DNS in 0.1ms.\n-- Data is authenticated: yes; Data was acquired via local or encrypted transport: yes\n";
  }
  addrs = addrs.slice(0, 16);
  let out = "";
  addrs.forEach((a, i) => {
    const head = i === 0 ? `${name}: ${a.value}` : `${" ".repeat(name.length)}  ${a.value}`;
    out += a.link ? `${head.padEnd(47)}-- link: ${a.link}\n` : `${head}\n`;
  });
  if (cname) out += `${" ".repeat(name.length)}  (${cname})\n`;
  return { out: `${out}${protocol}${source}\n`, ok: true };
}

export const resolvectl: HostCommand = {
  name: "resolvectl",
  async run(args, _ctx, rt) {
    const host = rt.host;
    const [verb = "status", ...rest] = args.filter((a) => a !== "--no-pager");
    if (!resolvedRunning(host)) return fail(NOT_RUNNING);
    switch (verb) {
      case "status": {
        const iface = rest[0];
        if (iface !== undefined && !host.state.net.interfaces.some((i) => i.name === iface)) return fail(`Failed to resolve interface "${iface}": No such device\n`);
        return ok(status(host, iface));
      }
      case "dns":
      case "domain": {
        const links = host.state.net.resolved?.links ?? {};
        let out = "Global:\n";
        for (const i of host.state.net.interfaces) {
          const cfg = links[i.name];
          const values = verb === "dns" ? (cfg?.dns ?? []) : (cfg?.domains ?? []);
          out += `Link ${i.index} (${i.name}):${values.length > 0 ? ` ${values.join(" ")}` : ""}\n`;
        }
        return ok(out);
      }
      case "query": {
        if (rest.length === 0) return fail("resolvectl: query requires at least one argument.\n");
        let out = "";
        let allOk = true;
        for (const name of rest.filter((a) => !a.startsWith("-"))) {
          const q = query(host, name);
          out += q.out;
          allOk &&= q.ok;
        }
        return allOk ? ok(out) : { stdout: "", stderr: out, exitCode: 1 };
      }
      default:
        return fail(`Unknown command verb '${verb}'.\n`);
    }
  },
};

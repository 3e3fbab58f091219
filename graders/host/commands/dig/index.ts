import type { Runtime } from "../../shell/runtime.ts";
import { canonicalName, queryServer, reverseName, type DnsOutcome } from "../../net/dns.ts";
import { isIpv4 } from "../../net/ipv4.ts";
import { readResolvConf, resolveHost } from "../../net/resolve.ts";
import type { DnsType } from "../../net/types.ts";
import { hash32 } from "../../state/rng.ts";
import { fail, type HostCommand } from "../types.ts";
import { fqdn, messageSize, questionLine, recordLine, soaLine } from "./wire.ts";

/**
 * dig from bind9-dnsutils 9.18 (Debian 12): asks one server at a time, the
 * one after @ or each nameserver of /etc/resolv.conf in turn (no search list,
 * unlike the system resolver), +time=5 +tries=3 per server. Prints the
 * default sections, +short, or +noall with chosen sections; a server that
 * never answers yields dig's "communications error" lines and exit 9.
 */

export const DIG_VERSION = "9.18.33-1~deb12u2-Debian";
const TYPES = ["A", "AAAA", "CNAME", "PTR", "MX", "NS", "TXT", "SOA", "SRV", "ANY"];

interface Display {
  cmd: boolean;
  comments: boolean;
  question: boolean;
  answer: boolean;
  authority: boolean;
  stats: boolean;
  short: boolean;
}

/** "Sat Nov 28 18:47:00 UTC 2026" (strftime %a %b %d %H:%M:%S %Z %Y). */
function when(ms: number): string {
  const d = new Date(ms);
  const p2 = (n: number): string => String(n).padStart(2, "0");
  const day = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][d.getUTCDay()] ?? "";
  const mon = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][d.getUTCMonth()] ?? "";
  return `${day} ${mon} ${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

function render(rt: Runtime, args: string[], name: string, type: string, server: string, serverLabel: string, r: Extract<DnsOutcome, { kind: "answer" }>, show: Display): string {
  if (show.short) return r.answers.map((a) => `${a.type === "CNAME" || a.type === "PTR" ? fqdn(a.value) : a.value}\n`).join("");
  let out = "";
  if (show.cmd) out += `\n; <<>> DiG ${DIG_VERSION} <<>> ${args.join(" ")}\n;; global options: +cmd\n`;
  if (show.comments) {
    const id = hash32(rt.host.now, name, type) % 65536;
    out += ";; Got answer:\n";
    out += `;; ->>HEADER<<- opcode: QUERY, status: ${r.rcode}, id: ${id}\n`;
    out += `;; flags: qr rd${r.ra ? " ra" : ""}; QUERY: 1, ANSWER: ${r.answers.length}, AUTHORITY: ${r.authority.length}, ADDITIONAL: 1\n\n`;
    out += `;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: ${r.ednsUdp}\n`;
  }
  if (show.question) out += `${show.comments ? ";; QUESTION SECTION:\n" : ""}${questionLine(name, type)}\n`;
  if (show.answer && r.answers.length > 0) {
    out += `${show.comments ? "\n;; ANSWER SECTION:\n" : ""}${r.answers.map((a) => `${recordLine(a)}\n`).join("")}`;
  }
  if (show.authority && r.authority.length > 0) {
    out += `${show.comments ? "\n;; AUTHORITY SECTION:\n" : ""}${r.authority.map((a) => `${soaLine(a.name, a.ttl, a.soa)}\n`).join("")}`;
  }
  if (show.stats) {
    out += `\n;; Query time: ${r.rttMs} msec\n;; SERVER: ${server}#53(${serverLabel}) (UDP)\n;; WHEN: ${when(rt.host.now)}\n`;
    out += `;; MSG SIZE  rcvd: ${messageSize(name, r.answers, r.authority, true)}\n\n`;
  }
  return out;
}

export const dig: HostCommand = {
  name: "dig",
  async run(args, _ctx, rt) {
    const show: Display = { cmd: true, comments: true, question: true, answer: true, authority: true, stats: true, short: false };
    let server: string | null = null;
    let name: string | null = null;
    let type = "A";
    let timeSec = 5;
    let tries = 3;
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (a.startsWith("@")) server = a.slice(1);
      else if (a === "-x") {
        const ip = args[++i] ?? "";
        if (!isIpv4(ip)) return fail(`Invalid IP address ${ip}\n`, 10);
        name = reverseName(ip);
        type = "PTR";
      } else if (a === "-t") type = (args[++i] ?? "A").toUpperCase();
      else if (a === "-p" || a === "-b" || a === "-c") i++;
      else if (a === "-4" || a === "-6") continue;
      else if (a.startsWith("+")) {
        const [opt = "", val] = a.slice(1).split("=");
        const on = !opt.startsWith("no");
        const key = on ? opt : opt.slice(2);
        if (key === "short") {
          show.short = on;
          if (on) Object.assign(show, { cmd: false, comments: false, question: false, authority: false, stats: false });
        } else if (key === "all") Object.assign(show, { cmd: on, comments: on, question: on, answer: on, authority: on, stats: on });
        else if (key === "time" && val) timeSec = Math.max(1, Number(val) || 5);
        else if ((key === "tries" || key === "retry") && val) tries = Math.max(1, (Number(val) || 0) + (key === "retry" ? 1 : 0));
        else if (key in show) (show as unknown as Record<string, boolean>)[key] = on;
      } else if (a.startsWith("-")) return fail(`Invalid option: ${a}\nUsage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}\n            {global-d-opt} host [@local-server] {local-d-opt}\n            [ host [@local-server] {local-d-opt} [...]]\n\nUse "dig -h" (or "dig -h | more") for complete list of options\n`, 1);
      else if (name !== null && TYPES.includes(a.toUpperCase())) type = a.toUpperCase();
      else if (name !== null && a.toUpperCase() === "IN") continue;
      else if (name === null) name = a;
    }
    const qname = name ?? ".";
    if (name === null) type = "NS";
    let servers: { ip: string; label: string }[];
    if (server !== null) {
      if (isIpv4(server)) servers = [{ ip: server, label: server }];
      else {
        const r = resolveHost(rt.host, server, "inet");
        rt.host.advance(r.elapsedMs);
        if (!r.ok) return fail(`dig: couldn't get address for '${server}': ${r.error === "TIMEOUT" ? "failure" : "not found"}\n`, 10);
        servers = r.addrs.map((ip) => ({ ip, label: server ?? ip }));
      }
    } else servers = readResolvConf(rt.host).nameservers.map((ip) => ({ ip, label: ip }));
    let errors = "";
    for (const s of servers) {
      for (let t = 0; t < tries; t++) {
        const r = queryServer(rt.host, s.ip, canonicalName(qname), (type === "ANY" ? "A" : type) as DnsType);
        if (r.kind === "answer") return { stdout: errors + render(rt, args, qname, type, s.ip, s.label, r, show), stderr: "", exitCode: 0 };
        if (r.kind === "timeout") {
          rt.host.advance(timeSec * 1000);
          errors += `;; communications error to ${s.ip}#53: timed out\n`;
          continue;
        }
        errors += r.kind === "refused" ? `;; communications error to ${s.ip}#53: connection refused\n` : `;; UDP setup with ${s.ip}#53(${s.ip}) for ${qname} failed: network unreachable.\n`;
        break;
      }
    }
    const header = show.cmd ? `\n; <<>> DiG ${DIG_VERSION} <<>> ${args.join(" ")}\n;; global options: +cmd\n` : "";
    return { stdout: `${errors}${header};; no servers could be reached\n`, stderr: "", exitCode: 9 };
  },
};

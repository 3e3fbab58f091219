import type { Host } from "../../state/host.ts";
import type { FirewallState, FwChain, FwRule } from "../../net/types.ts";
import { BUILTIN_CHAINS } from "../../net/firewall.ts";
import { reverseLookup } from "../../net/resolve.ts";
import { serviceName } from "../../net/services.ts";

/**
 * iptables 1.8.9 (nf_tables) output: -L's fixed-width table (with -v, -x,
 * -n and --line-numbers variants, including the real tool's misaligned
 * bytes header under -x), -S's rule specifications and iptables-save.
 */

export interface ListFormat {
  numeric: boolean;
  verbose: boolean;
  exact: boolean;
  lineNumbers: boolean;
}

const PROTO_NUM: Record<string, string> = { all: "0", tcp: "6", udp: "17", icmp: "1" };

/** libxtables' xtables_print_num: K/M/G/T past 99999 unless -x. */
export function counter(n: number, exact: boolean, table = true): string {
  if (exact) return table ? `${String(n).padStart(8)} ` : `${n} `;
  if (n <= 99999) return table ? `${String(n).padStart(5)} ` : `${n} `;
  let v = n;
  for (const unit of ["K", "M", "G", "T"]) {
    v = Math.floor((v + 500) / 1000);
    if (v <= 9999 || unit === "T") return table ? `${String(v).padStart(4)}${unit} ` : `${v}${unit} `;
  }
  return `${n} `;
}

export function references(fw: FirewallState, chain: string): number {
  return Object.values(fw.filter).reduce((n, c) => n + c.rules.filter((r) => r.target === chain).length, 0);
}

export function chainOrder(fw: FirewallState): string[] {
  const user = Object.keys(fw.filter).filter((c) => !(BUILTIN_CHAINS as readonly string[]).includes(c));
  return [...BUILTIN_CHAINS.filter((c) => fw.filter[c]), ...user];
}

function addrText(host: Host, cidr: string | undefined, numeric: boolean): string {
  if (cidr === undefined || cidr === "0.0.0.0/0") return numeric ? "0.0.0.0/0" : "anywhere";
  const [ip, len] = cidr.split("/");
  if (len !== "32") return cidr;
  if (numeric) return ip ?? cidr;
  return reverseLookup(host, ip ?? "")?.name ?? ip ?? cidr;
}

function port(n: number, proto: "tcp" | "udp", numeric: boolean): string {
  return numeric ? String(n) : (serviceName(n, proto) ?? String(n));
}

/** The match/target column: " tcp dpt:8080 /* note *\/ reject-with ...". */
function extras(rule: FwRule, numeric: boolean): string {
  let out = "";
  const proto = rule.proto === "udp" ? "udp" : "tcp";
  for (const m of rule.matches ?? []) {
    if (m === "tcp" || m === "udp") {
      const parts: string[] = [m];
      if (rule.sport !== undefined) parts.push(`spt:${port(rule.sport, m, numeric)}`);
      if (rule.dport !== undefined) parts.push(`dpt:${port(rule.dport, m, numeric)}`);
      out += ` ${parts.join(" ")}`;
    } else if (m === "multiport") out += ` multiport dports ${(rule.dports ?? []).map((d) => port(d, proto, numeric)).join(",")}`;
    else if (m === "state") out += ` state ${(rule.ctstate ?? []).join(",")}`;
    else if (m === "conntrack") out += ` ctstate ${(rule.ctstate ?? []).join(",")}`;
    else if (m === "comment") out += ` /* ${rule.comment ?? ""} */`;
  }
  if (rule.target === "REJECT") out += ` reject-with ${rule.rejectWith ?? "icmp-port-unreachable"}`;
  // -n prints the raw log level; otherwise its syslog name.
  if (rule.target === "LOG") out += numeric ? " LOG flags 0 level 4" : " LOG level warn";
  return out;
}

export function ruleLine(host: Host, rule: FwRule, num: number, f: ListFormat): string {
  let line = f.lineNumbers ? `${String(num).padEnd(4)} ` : "";
  if (f.verbose) line += counter(rule.pkts, f.exact) + counter(rule.bytes, f.exact);
  const proto = rule.proto ?? "all";
  line += `${rule.target.padEnd(9)}  ${(f.numeric ? PROTO_NUM[proto] ?? proto : proto).padEnd(5)}-- `;
  if (f.verbose) {
    const any = f.numeric ? "*" : "any";
    line += ` ${(rule.inIface ?? any).padEnd(6)} ${(rule.outIface ?? any).padEnd(6)} `;
  }
  line += `${rule.negSource ? "!" : " "}${addrText(host, rule.source, f.numeric).padEnd(19)} `;
  line += ` ${addrText(host, rule.destination, f.numeric).padEnd(19)} `;
  return line + extras(rule, f.numeric);
}

export function chainHeader(fw: FirewallState, name: string, chain: FwChain, f: ListFormat): string {
  let head = `Chain ${name} `;
  if (chain.policy) {
    head += `(policy ${chain.policy}`;
    if (f.verbose) head += ` ${counter(chain.pkts, f.exact, false)}packets, ${counter(chain.bytes, f.exact, false)}bytes`;
    head += ")";
  } else head += `(${references(fw, name)} references)`;
  let cols = f.lineNumbers ? "num  " : "";
  if (f.verbose) cols += f.exact ? `${"pkts".padStart(8)} ${"bytes".padStart(10)} ` : " pkts bytes ";
  cols += "target     prot opt ";
  if (f.verbose) cols += "in     out     ";
  cols += "source               destination         ";
  return `${head}\n${cols}\n`;
}

export function listChain(host: Host, fw: FirewallState, name: string, f: ListFormat): string {
  const chain = fw.filter[name];
  if (!chain) return "";
  return chainHeader(fw, name, chain, f) + chain.rules.map((r, i) => ruleLine(host, r, i + 1, f) + "\n").join("");
}

/** One rule as -S and iptables-save print it (without the leading "-A CHAIN"). */
export function ruleSpec(rule: FwRule): string {
  const parts: string[] = [];
  if (rule.source !== undefined) parts.push(rule.negSource ? "!" : "", "-s", rule.source);
  if (rule.destination !== undefined) parts.push("-d", rule.destination);
  if (rule.inIface !== undefined) parts.push("-i", rule.inIface);
  if (rule.outIface !== undefined) parts.push("-o", rule.outIface);
  if (rule.proto !== undefined && rule.proto !== "all") parts.push("-p", rule.proto);
  for (const m of rule.matches ?? []) {
    parts.push("-m", m);
    if (m === "tcp" || m === "udp") {
      if (rule.sport !== undefined) parts.push("--sport", String(rule.sport));
      if (rule.dport !== undefined) parts.push("--dport", String(rule.dport));
    } else if (m === "multiport") parts.push("--dports", (rule.dports ?? []).join(","));
    else if (m === "state") parts.push("--state", (rule.ctstate ?? []).join(","));
    else if (m === "conntrack") parts.push("--ctstate", (rule.ctstate ?? []).join(","));
    else if (m === "comment") parts.push("--comment", quote(rule.comment ?? ""));
  }
  parts.push("-j", rule.target);
  if (rule.target === "REJECT") parts.push("--reject-with", rule.rejectWith ?? "icmp-port-unreachable");
  return parts.filter((p) => p !== "").join(" ");
}

/** iptables quotes a comment with spaces (or an empty one) in double quotes. */
function quote(text: string): string {
  return /^[^\s"'\\]+$/.test(text) ? text : `"${text.replace(/(["\\])/g, "\\$1")}"`;
}

export function listRules(fw: FirewallState, chains: string[], num?: number): string {
  const lines: string[] = [];
  if (num === undefined) {
    for (const name of chains) {
      const c = fw.filter[name];
      if (c?.policy) lines.push(`-P ${name} ${c.policy}`);
      else lines.push(`-N ${name}`);
    }
  }
  for (const name of chains) {
    const c = fw.filter[name];
    c?.rules.forEach((r, i) => {
      if (num === undefined || num === i + 1) lines.push(`-A ${name} ${ruleSpec(r)}`);
    });
  }
  return lines.map((l) => `${l}\n`).join("");
}

/** ctime(3)-style local time (the host runs in UTC): "Sat Nov 28 18:50:23 2026". */
export function ctime(ms: number): string {
  const d = new Date(ms);
  const day = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][d.getUTCDay()] ?? "";
  const mon = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][d.getUTCMonth()] ?? "";
  const p2 = (n: number): string => String(n).padStart(2, "0");
  return `${day} ${mon} ${String(d.getUTCDate()).padStart(2)} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

export function saveText(fw: FirewallState, nowMs: number, counters: boolean): string {
  const order = chainOrder(fw);
  let out = `# Generated by iptables-save v1.8.9 (nf_tables) on ${ctime(nowMs)}\n*filter\n`;
  for (const name of order) {
    const c = fw.filter[name];
    if (!c) continue;
    out += `:${name} ${c.policy ?? "-"} [${c.policy ? `${c.pkts}:${c.bytes}` : "0:0"}]\n`;
  }
  for (const name of order) {
    for (const r of fw.filter[name]?.rules ?? []) out += `${counters ? `[${r.pkts}:${r.bytes}] ` : ""}-A ${name} ${ruleSpec(r)}\n`;
  }
  return `${out}COMMIT\n# Completed on ${ctime(nowMs)}\n`;
}

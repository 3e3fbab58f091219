import type { Host } from "../state/host.ts";
import { canonicalName, queryServer, reverseName, type DnsOutcome } from "./dns.ts";
import { readFileText, readHostsFile } from "./hosts-file.ts";
import { isIpv4, isIpv6 } from "./ipv4.ts";
import type { DnsRecord, DnsType } from "./types.ts";

export { queryServer, reverseName, type DnsOutcome } from "./dns.ts";

/**
 * getaddrinfo()/gethostbyname() as glibc 2.36 does them with nsswitch's
 * `hosts: files dns`: /etc/hosts first, read anew each time, then the stub
 * resolver with /etc/resolv.conf's nameservers, search list and options.
 * Pure: it never advances the clock; `elapsedMs` says how long a real lookup
 * would have blocked (timeouts), so callers may account for it.
 */

export type Family = "inet" | "inet6" | "any";

export type ResolveResult =
  | { ok: true; addrs: string[]; source: "files" | "dns"; canonical: string; aliases: string[]; elapsedMs: number }
  | { ok: false; error: "NOTFOUND" | "TIMEOUT"; elapsedMs: number };

export interface ResolvConf {
  nameservers: string[];
  search: string[];
  timeoutSec: number;
  attempts: number;
  ndots: number;
}

/** glibc's parser: at most three nameservers, the last `search`/`domain` line wins, defaults timeout:5 attempts:2 ndots:1. */
export function readResolvConf(host: Host): ResolvConf {
  const conf: ResolvConf = { nameservers: [], search: [], timeoutSec: 5, attempts: 2, ndots: 1 };
  const text = readFileText(host, "/etc/resolv.conf") ?? "";
  for (const raw of text.split("\n")) {
    const line = raw.replace(/[#;].*/, "").trim();
    const [key, ...rest] = line.split(/\s+/);
    if (key === "nameserver" && rest[0] && conf.nameservers.length < 3) conf.nameservers.push(rest[0]);
    else if (key === "search" || key === "domain") conf.search = rest.slice(0, 6);
    else if (key === "options") {
      for (const opt of rest) {
        const [k, v] = opt.split(":");
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0) continue;
        if (k === "timeout") conf.timeoutSec = Math.min(Math.max(n, 1), 30);
        if (k === "attempts") conf.attempts = Math.min(Math.max(n, 1), 5);
        if (k === "ndots") conf.ndots = Math.min(n, 15);
      }
    }
  }
  // No nameserver line means the local host (glibc's compiled-in default).
  if (conf.nameservers.length === 0) conf.nameservers.push("127.0.0.1");
  return conf;
}

/** The names the stub tries for `name`, in order (res_search). */
export function searchCandidates(conf: ResolvConf, name: string): string[] {
  if (name.endsWith(".")) return [name.slice(0, -1)];
  const dots = name.split(".").length - 1;
  const withSearch = conf.search.map((d) => `${name}.${d}`);
  return dots >= conf.ndots ? [name, ...withSearch] : [...withSearch, name];
}

type StubAnswer = { kind: "answer"; outcome: Extract<DnsOutcome, { kind: "answer" }>; server: string } | { kind: "timeout" } | { kind: "unreachable" };

/**
 * One query through the stub: every nameserver in order, `attempts` rounds.
 * An answer (even NXDOMAIN) ends it; SERVFAIL and refusals move on to the
 * next server; each silent server costs the full timeout.
 */
export function stubQuery(host: Host, conf: ResolvConf, name: string, type: DnsType): { result: StubAnswer; elapsedMs: number } {
  let elapsedMs = 0;
  let sawTimeout = false;
  let servfail: StubAnswer | null = null;
  const dead = new Set<string>();
  for (let attempt = 0; attempt < conf.attempts; attempt++) {
    for (const server of conf.nameservers) {
      if (dead.has(server)) continue;
      const r = queryServer(host, server, name, type);
      if (r.kind === "answer") {
        elapsedMs += r.rttMs;
        if (r.rcode !== "SERVFAIL") return { result: { kind: "answer", outcome: r, server }, elapsedMs };
        servfail = { kind: "answer", outcome: r, server };
        continue;
      }
      if (r.kind === "timeout") {
        sawTimeout = true;
        elapsedMs += conf.timeoutSec * 1000;
      } else dead.add(server);
    }
  }
  if (servfail || sawTimeout) return { result: servfail ?? { kind: "timeout" }, elapsedMs };
  return { result: { kind: "unreachable" }, elapsedMs };
}

function familyOf(ip: string): "inet" | "inet6" {
  return isIpv4(ip) ? "inet" : "inet6";
}

/** getaddrinfo's order on a host without global IPv6: ::1 first for loopback names, then IPv4, then IPv6. */
function sortAddrs(addrs: string[]): string[] {
  const rank = (ip: string): number => (ip === "::1" ? 0 : isIpv4(ip) ? 1 : 2);
  return [...new Set(addrs)].sort((a, b) => rank(a) - rank(b));
}

export function resolveHost(host: Host, name: string, family: Family = "any"): ResolveResult {
  if (isIpv4(name) || isIpv6(name)) {
    const fam = familyOf(name);
    if (family !== "any" && family !== fam) return { ok: false, error: "NOTFOUND", elapsedMs: 0 };
    return { ok: true, addrs: [name], source: "files", canonical: name, aliases: [], elapsedMs: 0 };
  }
  const want = canonicalName(name);
  if (want === "") return { ok: false, error: "NOTFOUND", elapsedMs: 0 };
  const fits = (ip: string): boolean => family === "any" || familyOf(ip) === family;
  // files: every line naming it contributes (glibc's multi-address behaviour for AF_UNSPEC); the first line names it.
  const lines = readHostsFile(host).filter((e) => e.names.includes(want) && fits(e.ip));
  if (lines.length > 0) {
    const first = lines[0];
    const addrs = family === "any" ? sortAddrs(lines.map((l) => l.ip)) : first ? lines.filter((l) => l.names[0] === first.names[0]).map((l) => l.ip) : [];
    return { ok: true, addrs, source: "files", canonical: first?.written[0] ?? name, aliases: first?.written.slice(1) ?? [], elapsedMs: 0 };
  }
  const conf = readResolvConf(host);
  let elapsedMs = 0;
  let timedOut = false;
  const types: DnsType[] = family === "inet" ? ["A"] : family === "inet6" ? ["AAAA"] : ["A", "AAAA"];
  for (const candidate of searchCandidates(conf, name)) {
    const addrs: string[] = [];
    let canonical = candidate;
    let answered = false;
    let candidateTimedOut = false;
    for (const type of types) {
      // A and AAAA go out in parallel: the slower one decides the wait.
      const { result, elapsedMs: spent } = stubQuery(host, conf, candidate, type);
      if (type === types[0]) elapsedMs += spent;
      if (result.kind !== "answer" || result.outcome.rcode === "SERVFAIL") {
        if (result.kind !== "unreachable") candidateTimedOut = true;
        continue;
      }
      answered = true;
      for (const rec of result.outcome.answers) {
        if (rec.type === "CNAME") canonical = canonicalName(rec.value);
        else if (rec.type === type) addrs.push(rec.value);
      }
    }
    if (addrs.length > 0) return { ok: true, addrs: sortAddrs(addrs), source: "dns", canonical, aliases: canonical === candidate ? [] : [candidate], elapsedMs };
    if (candidateTimedOut && !answered) timedOut = true;
  }
  return { ok: false, error: timedOut ? "TIMEOUT" : "NOTFOUND", elapsedMs };
}

/** gethostbyaddr: the first /etc/hosts line with the address, else a PTR query through the stub. */
export function reverseLookup(host: Host, ip: string): { name: string; aliases: string[] } | null {
  const line = readHostsFile(host).find((e) => e.ip === ip);
  if (line) return { name: line.written[0] ?? ip, aliases: line.written.slice(1) };
  if (!isIpv4(ip)) return null;
  const { result } = stubQuery(host, readResolvConf(host), reverseName(ip), "PTR");
  if (result.kind !== "answer") return null;
  const ptr = result.outcome.answers.find((r: DnsRecord) => r.type === "PTR");
  return ptr ? { name: canonicalName(ptr.value), aliases: [] } : null;
}

/** The messages glibc's gai_strerror gives for the two failures. */
export function gaiError(error: "NOTFOUND" | "TIMEOUT"): string {
  return error === "TIMEOUT" ? "Temporary failure in name resolution" : "Name or service not known";
}

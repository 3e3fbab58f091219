import type { DnsRecord } from "../../net/types.ts";

/**
 * How dig lays out records (masterfile style: name, TTL at column 24, class
 * at 32, type at 40, data at 48, tabs of 8) and the size of the DNS message
 * on the wire for ";; MSG SIZE  rcvd:", with name compression as a server does.
 */

function indentTo(col: number, to: number): { text: string; col: number } {
  if (col >= to) return { text: " ", col: col + 1 };
  const tabs = Math.floor(to / 8) - Math.floor(col / 8);
  return { text: "\t".repeat(Math.max(1, tabs)), col: to };
}

export function recordLine(r: DnsRecord): string {
  const fields: [string, number][] = [[String(r.ttl), 24], ["IN", 32], [r.type, 40], [r.type === "CNAME" || r.type === "PTR" ? fqdn(r.value) : r.value, 48]];
  return columns(fqdn(r.name), fields);
}

export function questionLine(name: string, type: string): string {
  return columns(`;${fqdn(name)}`, [["IN", 32], [type, 40]]);
}

export function soaLine(name: string, ttl: number, soa: string): string {
  return columns(fqdn(name), [[String(ttl), 24], ["IN", 32], ["SOA", 40], [soa, 48]]);
}

function columns(first: string, fields: [string, number][]): string {
  let out = first;
  let col = first.length;
  for (const [text, to] of fields) {
    const pad = indentTo(col, to);
    out += pad.text + text;
    col = pad.col + text.length;
  }
  return out;
}

export function fqdn(name: string): string {
  return name.endsWith(".") ? name : `${name}.`;
}

/** Wire size of a name given the names already in the message (suffix compression). */
function nameSize(name: string, seen: string[]): number {
  const labels = name.replace(/\.$/, "").split(".").filter((l) => l !== "");
  let size = 0;
  for (let i = 0; i < labels.length; i++) {
    const suffix = labels.slice(i).join(".");
    if (seen.includes(suffix)) return size + 2;
    size += 1 + (labels[i]?.length ?? 0);
  }
  for (let i = 0; i < labels.length; i++) seen.push(labels.slice(i).join("."));
  return size + 1;
}

function rdataSize(r: DnsRecord, seen: string[]): number {
  if (r.type === "A") return 4;
  if (r.type === "AAAA") return 16;
  return nameSize(r.value.toLowerCase(), seen);
}

export function messageSize(qname: string, answers: DnsRecord[], authority: { name: string; soa: string }[], edns: boolean): number {
  const seen: string[] = [];
  let size = 12 + nameSize(qname.toLowerCase(), seen) + 4;
  for (const r of [...answers]) size += nameSize(r.name, seen) + 10 + rdataSize(r, seen);
  for (const a of authority) {
    const [mname = "", rname = ""] = a.soa.split(" ");
    size += nameSize(a.name, seen) + 10 + nameSize(mname.toLowerCase(), seen) + nameSize(rname.toLowerCase(), seen) + 20;
  }
  return size + (edns ? 11 : 0);
}

/** IPv4 text <-> number and CIDR matching, as the kernel and iptables compare addresses. */

export function parseIpv4(text: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return (((parts[0] ?? 0) << 24) | ((parts[1] ?? 0) << 16) | ((parts[2] ?? 0) << 8) | (parts[3] ?? 0)) >>> 0;
}

export function formatIpv4(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 0xff).join(".");
}

export function isIpv4(text: string): boolean {
  return parseIpv4(text) !== null;
}

/** A loose IPv6 literal test: hex groups and colons (with an optional embedded IPv4). */
export function isIpv6(text: string): boolean {
  return /^[0-9a-fA-F:]+(?:\d+\.\d+\.\d+\.\d+)?$/.test(text) && text.includes(":");
}

export interface Cidr {
  net: number;
  prefix: number;
}

/** "10.0.0.0/8", "1.2.3.4" (a /32) or "default"/"0.0.0.0/0". */
export function parseCidr(text: string): Cidr | null {
  if (text === "default") return { net: 0, prefix: 0 };
  const [addr, len] = text.split("/");
  const ip = parseIpv4(addr ?? "");
  if (ip === null) return null;
  const prefix = len === undefined ? 32 : Number(len);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > 32 || (len !== undefined && !/^\d+$/.test(len))) return null;
  return { net: (ip & maskOf(prefix)) >>> 0, prefix };
}

export function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

export function inCidr(ip: string, cidr: Cidr): boolean {
  const n = parseIpv4(ip);
  return n !== null && ((n & maskOf(cidr.prefix)) >>> 0) === cidr.net;
}

/** How iptables prints a network: host bits cleared, /32 written as /32 in -S and bare in -L. */
export function cidrText(cidr: Cidr): string {
  return `${formatIpv4(cidr.net)}/${cidr.prefix}`;
}

export function isLoopback(ip: string): boolean {
  return ip === "::1" || ip.startsWith("127.");
}

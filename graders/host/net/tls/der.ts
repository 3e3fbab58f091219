/**
 * A small ASN.1 DER encoder and decoder: enough for X.509 certificates,
 * RSA keys and PEM armour. Values are Uint8Array; strings are latin1.
 */

export type Der = Uint8Array;

function lengthBytes(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return [0x80 | out.length, ...out];
}

export function tlv(tag: number, content: Der | number[]): Der {
  const body = content instanceof Uint8Array ? content : Uint8Array.from(content);
  const head = [tag, ...lengthBytes(body.length)];
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
}

export function concat(...parts: Der[]): Der {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export const seq = (...items: Der[]): Der => tlv(0x30, concat(...items));
export const set = (...items: Der[]): Der => tlv(0x31, concat(...items));
export const nul = (): Der => tlv(0x05, []);
export const bool = (v: boolean): Der => tlv(0x01, [v ? 0xff : 0]);
export const octets = (b: Der): Der => tlv(0x04, b);
export const bits = (b: Der, unused = 0): Der => tlv(0x03, concat(Uint8Array.from([unused]), b));
/** [n] EXPLICIT (constructed context tag). */
export const explicit = (n: number, inner: Der): Der => tlv(0xa0 | n, inner);
/** [n] IMPLICIT primitive (context tag), e.g. GeneralName dNSName [2]. */
export const implicit = (n: number, content: Der): Der => tlv(0x80 | n, content);

export function latin1(s: string): Der {
  return Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
}

export const printable = (s: string): Der => tlv(0x13, latin1(s));
export const utf8 = (s: string): Der => tlv(0x0c, latin1(s));
export const ia5 = (s: string): Der => tlv(0x16, latin1(s));

/** INTEGER from big-endian magnitude bytes: leading zeros dropped, a 0x00 added when the top bit is set. */
export function uintBytes(mag: Der): Der {
  let i = 0;
  while (i < mag.length - 1 && mag[i] === 0) i++;
  const trimmed = mag.subarray(i);
  return tlv(0x02, (trimmed[0] ?? 0) & 0x80 ? concat(Uint8Array.from([0]), trimmed) : trimmed);
}

export function int(n: number): Der {
  const out: number[] = [];
  let v = n;
  do {
    out.unshift(v & 0xff);
    v = Math.floor(v / 256);
  } while (v > 0);
  return uintBytes(Uint8Array.from(out));
}

export function oid(dotted: string): Der {
  const parts = dotted.split(".").map(Number);
  const out: number[] = [(parts[0] ?? 0) * 40 + (parts[1] ?? 0)];
  for (const p of parts.slice(2)) {
    const chunk: number[] = [p & 0x7f];
    for (let v = Math.floor(p / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift(0x80 | (v & 0x7f));
    out.push(...chunk);
  }
  return tlv(0x06, out);
}

const p2 = (n: number): string => String(n).padStart(2, "0");

/** UTCTime before 2050, GeneralizedTime after, as RFC 5280 requires. */
export function time(ms: number): Der {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const rest = `${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())}${p2(d.getUTCHours())}${p2(d.getUTCMinutes())}${p2(d.getUTCSeconds())}Z`;
  return y < 2050 ? tlv(0x17, latin1(`${p2(y % 100)}${rest}`)) : tlv(0x18, latin1(`${y}${rest}`));
}

/** One decoded TLV. */
export interface Node {
  tag: number;
  /** The whole element, header included. */
  raw: Der;
  content: Der;
  children: Node[];
}

export class DerError extends Error {}

export function decode(bytes: Der, at = 0): { node: Node; end: number } {
  const tag = bytes[at];
  if (tag === undefined) throw new DerError("truncated");
  let len = bytes[at + 1];
  if (len === undefined) throw new DerError("truncated");
  let off = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw new DerError("bad length");
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (bytes[off + i] ?? 0);
    off += n;
  }
  const end = off + len;
  if (end > bytes.length) throw new DerError("truncated");
  const content = bytes.subarray(off, end);
  const children: Node[] = [];
  if (tag & 0x20) {
    let p = 0;
    while (p < content.length) {
      const child = decode(content, p);
      children.push(child.node);
      p = child.end;
    }
  }
  return { node: { tag, raw: bytes.subarray(at, end), content, children }, end };
}

export function decodeOid(content: Der): string {
  const first = content[0] ?? 0;
  const parts = [Math.floor(first / 40), first % 40];
  let v = 0;
  for (const b of content.subarray(1)) {
    v = v * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join(".");
}

export function text(content: Der): string {
  return String.fromCharCode(...content);
}

/** UTCTime / GeneralizedTime content to epoch ms. */
export function decodeTime(node: Node): number {
  const s = text(node.content);
  const full = node.tag === 0x17 ? `${Number(s.slice(0, 2)) >= 50 ? "19" : "20"}${s}` : s;
  return Date.UTC(Number(full.slice(0, 4)), Number(full.slice(4, 6)) - 1, Number(full.slice(6, 8)), Number(full.slice(8, 10)), Number(full.slice(10, 12)), Number(full.slice(12, 14)));
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function base64(bytes: Der): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + (b === undefined ? "=" : B64[(n >> 6) & 63]!) + (c === undefined ? "=" : B64[n & 63]!);
  }
  return out;
}

export function unbase64(s: string): Der | null {
  const clean = s.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) return null;
  const out: number[] = [];
  for (let i = 0; i < clean.length; i += 4) {
    const v = [0, 1, 2, 3].map((j) => (clean[i + j] === "=" ? -1 : B64.indexOf(clean[i + j] ?? "A")));
    const n = ((v[0] ?? 0) << 18) | ((v[1] ?? 0) << 12) | (Math.max(0, v[2] ?? 0) << 6) | Math.max(0, v[3] ?? 0);
    out.push((n >> 16) & 255);
    if ((v[2] ?? -1) >= 0) out.push((n >> 8) & 255);
    if ((v[3] ?? -1) >= 0) out.push(n & 255);
  }
  return Uint8Array.from(out);
}

/** PEM armour with 64-column base64 lines, as OpenSSL writes it. */
export function pem(label: string, der: Der): string {
  const b = base64(der);
  const lines: string[] = [];
  for (let i = 0; i < b.length; i += 64) lines.push(b.slice(i, i + 64));
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

/** Every PEM block of `label` in `text`, decoded; malformed blocks are skipped. */
export function pemBlocks(textIn: string, label: string): Der[] {
  const out: Der[] = [];
  const re = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`, "g");
  let m: RegExpExecArray | null;
  while ((m = re.exec(textIn)) !== null) {
    const der = unbase64(m[1] ?? "");
    if (der) out.push(der);
  }
  return out;
}

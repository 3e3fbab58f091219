import { bits, bool, concat, decode, decodeOid, decodeTime, explicit, ia5, implicit, int, latin1, nul, octets, oid, pem, pemBlocks, printable, seq, set, text, time, uintBytes, type Der, type Node } from "./der.ts";
import { sha1, sha256, streamBytes } from "./hash.ts";

/**
 * X.509 v3 certificates as a CA like Let's Encrypt issues them (RSA 2048,
 * sha256WithRSAEncryption, the usual extensions), built as real DER.
 * Keys and signatures are bytes drawn from seeds, not real RSA: the
 * simulated host checks chains by names, key identifiers and dates, and
 * the same seed always gives byte-identical files.
 */

export const OID = {
  C: "2.5.4.6", O: "2.5.4.10", CN: "2.5.4.3",
  rsaEncryption: "1.2.840.113549.1.1.1", sha256WithRSA: "1.2.840.113549.1.1.11",
  keyUsage: "2.5.29.15", extKeyUsage: "2.5.29.37", basicConstraints: "2.5.29.19", subjectKeyId: "2.5.29.14",
  authorityKeyId: "2.5.29.35", subjectAltName: "2.5.29.17", certificatePolicies: "2.5.29.32", crlDistribution: "2.5.29.31",
  authorityInfoAccess: "1.3.6.1.5.5.7.1.1", ocsp: "1.3.6.1.5.5.7.48.1", caIssuers: "1.3.6.1.5.5.7.48.2",
  serverAuth: "1.3.6.1.5.5.7.3.1", clientAuth: "1.3.6.1.5.5.7.3.2", domainValidated: "2.23.140.1.2.1",
} as const;

export type NameAttr = [type: "C" | "O" | "CN", value: string];

export interface CertSpec {
  serial: Der;
  subject: NameAttr[];
  issuer: NameAttr[];
  notBefore: number;
  notAfter: number;
  keySeed: string;
  issuerKeySeed: string;
  kind: "leaf" | "intermediate" | "root";
  sans?: string[];
  ocsp?: string;
  caIssuers?: string;
  crl?: string;
}

/** The RSA-2048 public modulus a key seed stands for: top and bottom bits set, like a real one. */
export function modulus(keySeed: string): Der {
  const n = streamBytes(`rsa-n:${keySeed}`, 256);
  n[0] = (n[0] ?? 0) | 0xc0;
  n[255] = (n[255] ?? 0) | 1;
  return n;
}

function name(attrs: NameAttr[]): Der {
  return seq(...attrs.map(([t, v]) => set(seq(oid(OID[t]), printable(v)))));
}

function spki(keySeed: string): Der {
  return seq(seq(oid(OID.rsaEncryption), nul()), bits(seq(uintBytes(modulus(keySeed)), int(65537))));
}

/** RFC 5280 method 1 key identifier: SHA-1 of the subjectPublicKey bits. */
export function keyId(keySeed: string): Der {
  return sha1(seq(uintBytes(modulus(keySeed)), int(65537)));
}

function ext(id: string, critical: boolean, value: Der): Der {
  return critical ? seq(oid(id), bool(true), octets(value)) : seq(oid(id), octets(value));
}

function extensions(spec: CertSpec): Der {
  const list: Der[] = [];
  const ca = spec.kind !== "leaf";
  // keyUsage bits: digitalSignature(0) keyEncipherment(2) for servers, keyCertSign(5) cRLSign(6) for CAs.
  list.push(ext(OID.keyUsage, true, spec.kind === "leaf" ? bits(Uint8Array.from([0xa0]), 5) : spec.kind === "intermediate" ? bits(Uint8Array.from([0x86]), 1) : bits(Uint8Array.from([0x06]), 1)));
  if (spec.kind !== "root") list.push(ext(OID.extKeyUsage, false, seq(oid(OID.serverAuth), oid(OID.clientAuth))));
  list.push(ext(OID.basicConstraints, true, ca ? seq(bool(true), ...(spec.kind === "intermediate" ? [int(0)] : [])) : seq()));
  list.push(ext(OID.subjectKeyId, false, octets(keyId(spec.keySeed))));
  if (spec.kind !== "root") list.push(ext(OID.authorityKeyId, false, seq(implicit(0, keyId(spec.issuerKeySeed)))));
  const aia: Der[] = [];
  if (spec.ocsp) aia.push(seq(oid(OID.ocsp), implicit(6, latin1(spec.ocsp))));
  if (spec.caIssuers) aia.push(seq(oid(OID.caIssuers), implicit(6, latin1(spec.caIssuers))));
  if (aia.length) list.push(ext(OID.authorityInfoAccess, false, seq(...aia)));
  if (spec.sans?.length) list.push(ext(OID.subjectAltName, false, seq(...spec.sans.map((d) => implicit(2, latin1(d))))));
  if (spec.kind !== "root") list.push(ext(OID.certificatePolicies, false, seq(seq(oid(OID.domainValidated)))));
  if (spec.crl) list.push(ext(OID.crlDistribution, false, seq(seq(explicit(0, explicit(0, implicit(6, latin1(spec.crl))))))));
  return explicit(3, seq(...list));
}

export function tbsDer(spec: CertSpec): Der {
  return seq(
    explicit(0, int(2)), uintBytes(spec.serial), seq(oid(OID.sha256WithRSA), nul()), name(spec.issuer),
    seq(time(spec.notBefore), time(spec.notAfter)), name(spec.subject), spki(spec.keySeed), extensions(spec),
  );
}

export function certDer(spec: CertSpec): Der {
  const tbs = tbsDer(spec);
  const signature = streamBytes(`sig:${spec.issuerKeySeed}:${Array.from(sha256(tbs)).join(",")}`, 256);
  return seq(tbs, seq(oid(OID.sha256WithRSA), nul()), bits(signature));
}

export function certPem(spec: CertSpec): string {
  return pem("CERTIFICATE", certDer(spec));
}

/** PKCS#8 RSA private key whose modulus matches the seed's public key (nginx checks they match). */
export function keyPem(keySeed: string): string {
  const r = (label: string, n: number): Der => {
    const b = streamBytes(`rsa-${label}:${keySeed}`, n);
    b[0] = (b[0] ?? 0) | 0x80;
    return uintBytes(b);
  };
  const rsa = seq(int(0), uintBytes(modulus(keySeed)), int(65537), r("d", 256), r("p", 128), r("q", 128), r("dp", 128), r("dq", 128), r("qi", 128));
  return pem("PRIVATE KEY", seq(int(0), seq(oid(OID.rsaEncryption), nul()), octets(rsa)));
}

export interface Extension {
  oid: string;
  critical: boolean;
  value: Der;
}

/** A decoded certificate: what openssl x509, s_client and curl show and check. */
export interface Cert {
  der: Der;
  version: number;
  serial: Der;
  sigAlg: string;
  issuer: [string, string][];
  subject: [string, string][];
  notBefore: number;
  notAfter: number;
  keyAlg: string;
  modulus: Der;
  exponent: number;
  extensions: Extension[];
  signature: Der;
}

const SHORT: Record<string, string> = { [OID.C]: "C", [OID.O]: "O", [OID.CN]: "CN", "2.5.4.7": "L", "2.5.4.8": "ST", "2.5.4.11": "OU", "1.2.840.113549.1.9.1": "emailAddress" };

function decodeName(node: Node): [string, string][] {
  return node.children.flatMap((rdn) => rdn.children.map((atv): [string, string] => {
    const id = decodeOid(atv.children[0]?.content ?? new Uint8Array());
    return [SHORT[id] ?? id, text(atv.children[1]?.content ?? new Uint8Array())];
  }));
}

function intMagnitude(content: Der): Der {
  return content[0] === 0 && content.length > 1 ? content.subarray(1) : content;
}

/** Parse DER; null when it is not a certificate. */
export function parseCert(der: Der): Cert | null {
  try {
    const root = decode(der).node;
    const tbs = root.children[0];
    if (root.tag !== 0x30 || !tbs || tbs.tag !== 0x30) return null;
    let i = 0;
    let version = 1;
    if (tbs.children[0]?.tag === 0xa0) {
      version = (tbs.children[0].children[0]?.content[0] ?? 0) + 1;
      i = 1;
    }
    const c = tbs.children;
    const serial = intMagnitude(c[i]?.content ?? new Uint8Array());
    const sigAlg = decodeOid(c[i + 1]?.children[0]?.content ?? new Uint8Array());
    const issuer = decodeName(c[i + 2] ?? root);
    const validity = c[i + 3];
    const subject = decodeName(c[i + 4] ?? root);
    const spkiNode = c[i + 5];
    const keyAlg = decodeOid(spkiNode?.children[0]?.children[0]?.content ?? new Uint8Array());
    const keyBits = spkiNode?.children[1]?.content.subarray(1) ?? new Uint8Array();
    const rsa = decode(keyBits).node;
    const mod = intMagnitude(rsa.children[0]?.content ?? new Uint8Array());
    const expBytes = rsa.children[1]?.content ?? new Uint8Array();
    const exponent = Array.from(expBytes).reduce((n, b) => n * 256 + b, 0);
    const extNode = c.find((n) => n.tag === 0xa3)?.children[0];
    const extensions: Extension[] = (extNode?.children ?? []).map((e) => {
      const critical = e.children[1]?.tag === 0x01 && (e.children[1].content[0] ?? 0) !== 0;
      const value = e.children[e.children.length - 1]?.content ?? new Uint8Array();
      return { oid: decodeOid(e.children[0]?.content ?? new Uint8Array()), critical, value };
    });
    if (!validity || validity.children.length < 2) return null;
    return {
      der: root.raw, version, serial, sigAlg, issuer, subject,
      notBefore: decodeTime(validity.children[0]!), notAfter: decodeTime(validity.children[1]!),
      keyAlg, modulus: mod, exponent, extensions, signature: root.children[2]?.content.subarray(1) ?? new Uint8Array(),
    };
  } catch {
    return null;
  }
}

/** Certificates in a PEM text, in file order (a fullchain has the leaf first). */
export function certsInPem(pemText: string): Cert[] {
  return pemBlocks(pemText, "CERTIFICATE").map(parseCert).filter((c): c is Cert => c !== null);
}

/** The RSA modulus inside a PEM private key (PKCS#8 or PKCS#1), to match it against a certificate. */
export function keyModulus(pemText: string): Der | null {
  try {
    const p8 = pemBlocks(pemText, "PRIVATE KEY")[0];
    const p1 = pemBlocks(pemText, "RSA PRIVATE KEY")[0];
    const rsa = p8 ? decode(decode(p8).node.children[2]?.content ?? new Uint8Array()).node : p1 ? decode(p1).node : null;
    return rsa ? intMagnitude(rsa.children[1]?.content ?? new Uint8Array()) : null;
  } catch {
    return null;
  }
}

export function sansOf(cert: Cert): string[] {
  const e = cert.extensions.find((x) => x.oid === OID.subjectAltName);
  if (!e) return [];
  try {
    return decode(e.value).node.children.filter((n) => n.tag === 0x82).map((n) => text(n.content));
  } catch {
    return [];
  }
}

export function sameBytes(a: Der, b: Der): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export { concat };

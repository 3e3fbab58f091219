import { decode, decodeOid, text as str } from "./der.ts";
import { hex, sha1, sha256 } from "./hash.ts";
import { OID, type Cert, type Extension } from "./x509.ts";

/**
 * OpenSSL 3.0's renderings of a certificate: `x509 -text`, the one-line
 * names ("C = US, O = Let's Encrypt, CN = R11"), dates ("Nov 23 12:00:00
 * 2026 GMT"), serials and fingerprints, and the `-ext` blocks.
 */

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const p2 = (n: number): string => String(n).padStart(2, "0");

/** ASN1_TIME_print: "Nov 23 12:00:00 2026 GMT", day padded with a space. */
export function asn1Time(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()] ?? ""} ${String(d.getUTCDate()).padStart(2, " ")} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCFullYear()} GMT`;
}

/** The default -nameopt oneline form. */
export function oneline(name: [string, string][]): string {
  return name.map(([k, v]) => `${k} = ${v}`).join(", ");
}

/** The s_client chain form: "/C=US/O=Let's Encrypt/CN=R11" is 1.1's; 3.0 prints "C = US, O = ..., CN = R11". */
export function serialHex(cert: Cert): string {
  return hex(cert.serial).toUpperCase();
}

export function fingerprint(cert: Cert, alg: "sha1" | "sha256"): string {
  const digest = alg === "sha1" ? sha1(cert.der) : sha256(cert.der);
  return `${alg === "sha1" ? "SHA1" : "sha256"} Fingerprint=${hex(digest, ":").toUpperCase()}`;
}

function colonRows(bytes: Uint8Array, perRow: number, indent: string): string[] {
  const parts = Array.from(bytes, (b) => b.toString(16).padStart(2, "0"));
  const rows: string[] = [];
  for (let i = 0; i < parts.length; i += perRow) {
    const last = i + perRow >= parts.length;
    rows.push(indent + parts.slice(i, i + perRow).join(":") + (last ? "" : ":"));
  }
  return rows;
}

const EXT_NAMES: Record<string, string> = {
  [OID.keyUsage]: "X509v3 Key Usage", [OID.extKeyUsage]: "X509v3 Extended Key Usage", [OID.basicConstraints]: "X509v3 Basic Constraints",
  [OID.subjectKeyId]: "X509v3 Subject Key Identifier", [OID.authorityKeyId]: "X509v3 Authority Key Identifier",
  [OID.authorityInfoAccess]: "Authority Information Access", [OID.subjectAltName]: "X509v3 Subject Alternative Name",
  [OID.certificatePolicies]: "X509v3 Certificate Policies", [OID.crlDistribution]: "X509v3 CRL Distribution Points",
};

/** -ext takes these short names. */
export const EXT_SHORT: Record<string, string> = {
  keyUsage: OID.keyUsage, extendedKeyUsage: OID.extKeyUsage, basicConstraints: OID.basicConstraints, subjectKeyIdentifier: OID.subjectKeyId,
  authorityKeyIdentifier: OID.authorityKeyId, authorityInfoAccess: OID.authorityInfoAccess, subjectAltName: OID.subjectAltName,
  certificatePolicies: OID.certificatePolicies, crlDistributionPoints: OID.crlDistribution,
};

const KU = ["Digital Signature", "Non Repudiation", "Key Encipherment", "Data Encipherment", "Key Agreement", "Certificate Sign", "CRL Sign", "Encipher Only", "Decipher Only"];
const EKU: Record<string, string> = { [OID.serverAuth]: "TLS Web Server Authentication", [OID.clientAuth]: "TLS Web Client Authentication" };

/** The value lines of one extension, without indentation. */
function extValue(e: Extension): string[] {
  const node = decode(e.value).node;
  switch (e.oid) {
    case OID.keyUsage: {
      const bytes = node.content.subarray(1);
      const names = KU.filter((_, i) => ((bytes[i >> 3] ?? 0) >> (7 - (i & 7))) & 1);
      return [names.join(", ")];
    }
    case OID.extKeyUsage:
      return [node.children.map((c) => EKU[decodeOid(c.content)] ?? decodeOid(c.content)).join(", ")];
    case OID.basicConstraints: {
      const ca = node.children[0]?.tag === 0x01 && (node.children[0].content[0] ?? 0) !== 0;
      const path = node.children.find((c) => c.tag === 0x02);
      return [ca ? `CA:TRUE${path ? `, pathlen:${path.content[0] ?? 0}` : ""}` : "CA:FALSE"];
    }
    case OID.subjectKeyId:
      return [hex(node.content, ":").toUpperCase()];
    case OID.authorityKeyId:
      return [hex(node.children.find((c) => c.tag === 0x80)?.content ?? new Uint8Array(), ":").toUpperCase()];
    case OID.authorityInfoAccess:
      return node.children.map((ad) => `${decodeOid(ad.children[0]?.content ?? new Uint8Array()) === OID.ocsp ? "OCSP" : "CA Issuers"} - URI:${str(ad.children[1]?.content ?? new Uint8Array())}`);
    case OID.subjectAltName:
      return [node.children.map((g) => (g.tag === 0x82 ? `DNS:${str(g.content)}` : g.tag === 0x87 ? `IP Address:${Array.from(g.content).join(".")}` : "othername:<unsupported>")).join(", ")];
    case OID.certificatePolicies:
      return node.children.map((p) => `Policy: ${decodeOid(p.children[0]?.content ?? new Uint8Array())}`);
    case OID.crlDistribution:
      return node.children.flatMap((dp) => ["Full Name:", ...(dp.children[0]?.children[0]?.children ?? []).map((g) => `  URI:${str(g.content)}`)]);
    default:
      return [hex(e.value, ":").toUpperCase()];
  }
}

export function extName(e: Extension): string {
  return EXT_NAMES[e.oid] ?? e.oid;
}

/** One extension as -text and -ext print it: name line (with the trailing space OpenSSL leaves), value lines. */
export function extBlock(e: Extension, indent: string): string {
  const head = `${indent}${extName(e)}:${e.critical ? " critical" : " "}`;
  return [head, ...extValue(e).map((l) => `${indent}    ${l}`)].join("\n") + "\n";
}

const SIG_NAMES: Record<string, string> = { [OID.sha256WithRSA]: "sha256WithRSAEncryption", "1.2.840.113549.1.1.12": "sha384WithRSAEncryption", "1.2.840.10045.4.3.2": "ecdsa-with-SHA256", "1.2.840.10045.4.3.3": "ecdsa-with-SHA384" };

export function x509Text(cert: Cert): string {
  const sig = SIG_NAMES[cert.sigAlg] ?? cert.sigAlg;
  const serial = cert.serial.length <= 8 && (cert.serial[0] ?? 0) < 0x80
    ? (() => {
        const n = Array.from(cert.serial).reduce((v, b) => v * 256 + b, 0);
        return [`        Serial Number: ${n} (0x${n.toString(16)})`];
      })()
    : ["        Serial Number:", `            ${hex(cert.serial, ":")}`];
  const lines = [
    "Certificate:",
    "    Data:",
    `        Version: ${cert.version} (0x${(cert.version - 1).toString(16)})`,
    ...serial,
    `        Signature Algorithm: ${sig}`,
    `        Issuer: ${oneline(cert.issuer)}`,
    "        Validity",
    `            Not Before: ${asn1Time(cert.notBefore)}`,
    `            Not After : ${asn1Time(cert.notAfter)}`,
    `        Subject: ${oneline(cert.subject)}`,
    "        Subject Public Key Info:",
    "            Public Key Algorithm: rsaEncryption",
    `                Public-Key: (${cert.modulus.length * 8} bit)`,
    "                Modulus:",
    ...colonRows(Uint8Array.from([0, ...cert.modulus]), 15, "                    "),
    `                Exponent: ${cert.exponent} (0x${cert.exponent.toString(16)})`,
  ];
  let out = lines.join("\n") + "\n";
  if (cert.extensions.length) {
    out += "        X509v3 extensions:\n";
    for (const e of cert.extensions) out += extBlock(e, "            ");
  }
  out += `    Signature Algorithm: ${sig}\n    Signature Value:\n`;
  out += colonRows(cert.signature, 18, "        ").join("\n") + "\n";
  return out;
}

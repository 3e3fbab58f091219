import { sameBytes, sansOf, type Cert } from "./x509.ts";
import { trustedRoots } from "./ca.ts";
import { OID } from "./x509.ts";
import { decode } from "./der.ts";

/**
 * X509_verify_cert as OpenSSL 3.0 runs it for a client: build the path from
 * the server's certificate through the chain it sent to a trusted root
 * (matching issuer names and key identifiers), then check every
 * certificate's dates against the clock. The callback trail is what
 * s_client prints as depth/verify lines.
 */

export interface VerifyStep {
  depth: number;
  cert: Cert;
  /** Errors reported at this depth, in order (num, text). */
  errors: [number, string][];
}

export interface VerifyResult {
  steps: VerifyStep[];
  /** 0 for ok, else the first error: 10 expired, 9 not yet valid, 18 self-signed, 19 self-signed in chain, 20 no local issuer. */
  code: number;
  text: string;
}

const TEXTS: Record<number, string> = {
  0: "ok", 9: "certificate is not yet valid", 10: "certificate has expired", 18: "self-signed certificate",
  19: "self-signed certificate in certificate chain", 20: "unable to get local issuer certificate", 21: "unable to verify the first certificate",
};

function sameName(a: [string, string][], b: [string, string][]): boolean {
  return a.length === b.length && a.every(([k, v], i) => b[i]?.[0] === k && b[i]?.[1] === v);
}

function skid(c: Cert): Uint8Array | null {
  const e = c.extensions.find((x) => x.oid === OID.subjectKeyId);
  return e ? decode(e.value).node.content : null;
}

function akid(c: Cert): Uint8Array | null {
  const e = c.extensions.find((x) => x.oid === OID.authorityKeyId);
  return e ? (decode(e.value).node.children.find((n) => n.tag === 0x80)?.content ?? null) : null;
}

function issues(issuer: Cert, cert: Cert): boolean {
  if (!sameName(issuer.subject, cert.issuer)) return false;
  const a = akid(cert);
  const s = skid(issuer);
  return !a || !s || sameBytes(a, s);
}

function selfSigned(c: Cert): boolean {
  return issues(c, c);
}

export function verifyChain(served: Cert[], nowMs: number): VerifyResult {
  const leaf = served[0];
  if (!leaf) return { steps: [], code: 20, text: TEXTS[20] ?? "" };
  const roots = trustedRoots();
  const path: Cert[] = [leaf];
  let trusted = false;
  let code = 0;
  for (let guard = 0; guard < 10; guard++) {
    const top = path[path.length - 1] as Cert;
    const root = roots.find((r) => issues(r, top));
    if (root) {
      if (!sameBytes(root.der, top.der)) path.push(root);
      trusted = true;
      break;
    }
    if (selfSigned(top)) {
      code = path.length === 1 ? 18 : 19;
      break;
    }
    const next = served.find((c) => c !== top && issues(c, top));
    if (!next) {
      code = path.length === 1 ? 20 : 20;
      break;
    }
    path.push(next);
  }
  // OpenSSL reports from the top of the chain it built down to the leaf.
  const steps: VerifyStep[] = [];
  if (!trusted) {
    // The top of what could be built fails; the rest is reported as it is walked down. A lone leaf
    // whose issuer is missing ends as "unable to verify the first certificate" (21).
    for (let depth = path.length - 1; depth >= 0; depth--) {
      const errors: [number, string][] = depth === path.length - 1 ? [[code, TEXTS[code] ?? ""]] : [];
      steps.push({ depth, cert: path[depth] as Cert, errors });
    }
    if (code === 20 && path.length === 1) {
      steps.push({ depth: 0, cert: leaf, errors: [[21, TEXTS[21] ?? ""]] });
      code = 21;
    }
    return { steps, code, text: TEXTS[code] ?? "" };
  }
  for (let depth = path.length - 1; depth >= 0; depth--) {
    const cert = path[depth] as Cert;
    const errors: [number, string][] = [];
    if (nowMs < cert.notBefore) errors.push([9, TEXTS[9] ?? ""]);
    if (nowMs > cert.notAfter) errors.push([10, TEXTS[10] ?? ""]);
    if (errors.length && code === 0) code = errors[0]?.[0] ?? 0;
    steps.push({ depth, cert, errors });
  }
  return { steps, code, text: TEXTS[code] ?? "" };
}

/** RFC 6125 matching as curl does it: exact SAN, or a single leftmost wildcard label. */
export function nameMatches(cert: Cert, host: string): boolean {
  const h = host.toLowerCase();
  return sansOf(cert).some((n) => {
    const p = n.toLowerCase();
    if (p === h) return true;
    return p.startsWith("*.") && h.split(".").slice(1).join(".") === p.slice(2) && h.split(".").length === p.split(".").length;
  });
}

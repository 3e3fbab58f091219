import { streamBytes } from "./hash.ts";
import { certPem, keyPem, parseCert, certDer, type Cert, type CertSpec, type NameAttr } from "./x509.ts";

/**
 * The simulated public CA: a root in every client's trust store and the
 * intermediates it signs, named after Let's Encrypt's hierarchy so the
 * files look like the ones certbot fetches. The keys are not theirs (they
 * are seeded bytes); only this host's clients trust this root.
 */

export const ROOT_NAME: NameAttr[] = [["C", "US"], ["O", "Internet Security Research Group"], ["CN", "ISRG Root X1"]];
const ROOT_KEY = "sim-isrg-root-x1";

const ROOT_SPEC: CertSpec = {
  serial: streamBytes("sim-root-serial", 16).map((b, i) => (i === 0 ? b & 0x7f : b)),
  subject: ROOT_NAME, issuer: ROOT_NAME, notBefore: Date.UTC(2015, 5, 4, 11, 4, 38), notAfter: Date.UTC(2035, 5, 4, 11, 4, 38),
  keySeed: ROOT_KEY, issuerKeySeed: ROOT_KEY, kind: "root",
};

export interface Intermediate {
  name: string;
  keySeed: string;
  pem: string;
}

export function intermediate(name: "R10" | "R11"): Intermediate {
  const keySeed = `sim-le-${name}`;
  const spec: CertSpec = {
    serial: streamBytes(`sim-${name}-serial`, 16).map((b, i) => (i === 0 ? b & 0x7f : b)),
    subject: [["C", "US"], ["O", "Let's Encrypt"], ["CN", name]], issuer: ROOT_NAME,
    notBefore: Date.UTC(2024, 2, 13), notAfter: Date.UTC(2027, 2, 12, 23, 59, 59),
    keySeed, issuerKeySeed: ROOT_KEY, kind: "intermediate", caIssuers: "http://x1.i.lencr.org/", crl: "http://x1.c.lencr.org/",
  };
  return { name, keySeed, pem: certPem(spec) };
}

/** The trust anchors a client on this host checks chains against (/etc/ssl/certs). */
export function trustedRoots(): Cert[] {
  const root = parseCert(certDer(ROOT_SPEC));
  return root ? [root] : [];
}

export function rootPem(): string {
  return certPem(ROOT_SPEC);
}

export interface Issued {
  cert: string;
  chain: string;
  fullchain: string;
  privkey: string;
}

/** A 90-day DV certificate for `names` (first is the CN), as certbot stores it: cert, chain, fullchain, privkey. */
export function issueLeaf(seed: string, names: string[], notBefore: number, notAfter: number, via: Intermediate): Issued {
  const serial = streamBytes(`serial:${seed}`, 18);
  serial[0] = ((serial[0] ?? 0) & 0x07) | 0x03;
  const keySeed = `leaf-key:${seed}`;
  const lower = via.name.toLowerCase();
  const cert = certPem({
    serial, subject: [["CN", names[0] ?? ""]], issuer: [["C", "US"], ["O", "Let's Encrypt"], ["CN", via.name]], notBefore, notAfter,
    keySeed, issuerKeySeed: via.keySeed, kind: "leaf", sans: names, ocsp: `http://${lower}.o.lencr.org`, caIssuers: `http://${lower}.i.lencr.org/`,
  });
  return { cert, chain: via.pem, fullchain: cert + via.pem, privkey: keyPem(keySeed) };
}

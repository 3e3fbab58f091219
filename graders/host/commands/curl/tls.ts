import type { Host } from "../../state/host.ts";
import type { HttpResponse } from "../../programs/types.ts";
import { handshake } from "../../net/tls/endpoint.ts";
import { asn1Time } from "../../net/tls/text.ts";
import { nameMatches, verifyChain } from "../../net/tls/verify.ts";
import { sansOf, type Cert } from "../../net/tls/x509.ts";

/**
 * curl 7.88.1 (OpenSSL 3.0) over TLS to a listener on this host: the
 * handshake, certificate verification against the system trust store and
 * the host name, -k to continue anyway, and the lines -v prints about it.
 */

export const SSL_HELP = `More details here: https://curl.se/docs/sslcerts.html

curl failed to verify the legitimacy of the server and therefore could not
establish a secure connection to it. To learn more about this situation and
how to fix it, please visit the web page mentioned above.
`;

export type TlsOutcome =
  | { ok: true; verbose: string[] }
  | { ok: false; code: number; message: string; help: boolean; verbose: string[] };

/** curl prints names with "=" and "; " between RDNs (OpenSSL's X509_NAME_print_ex with curl's flags). */
function curlName(name: [string, string][]): string {
  return name.map(([k, v]) => `${k}=${v}`).join("; ");
}

const HELLO = [
  "* ALPN: offers h2,http/1.1",
  "* TLSv1.3 (OUT), TLS handshake, Client hello (1):",
  "* TLSv1.3 (IN), TLS handshake, Server hello (2):",
  "* TLSv1.3 (IN), TLS handshake, Encrypted Extensions (8):",
  "* TLSv1.3 (IN), TLS handshake, Certificate (11):",
];

export function tlsConnect(host: Host, port: number, hostname: string, insecure: boolean): TlsOutcome {
  const isIp = /^[\d.]+$/.test(hostname) || hostname.includes(":");
  const hs = handshake(host, port, isIp ? null : hostname);
  if (hs.kind === "refused") return { ok: false, code: 7, message: "", help: false, verbose: [] };
  if (hs.kind !== "tls" || hs.chain.length === 0) {
    return { ok: false, code: 35, message: "OpenSSL/3.0.15: error:0A00010B:SSL routines::wrong version number", help: false, verbose: ["* ALPN: offers h2,http/1.1", "* TLSv1.3 (OUT), TLS handshake, Client hello (1):"] };
  }
  const leaf = hs.chain[0] as Cert;
  const v = verifyChain(hs.chain, host.now);
  const matched = isIp ? false : nameMatches(leaf, hostname);
  const problem = v.code !== 0 ? `SSL certificate problem: ${v.text}` : null;
  if (problem && !insecure) {
    const alert = v.code === 10 ? "certificate expired (557)" : "unknown CA (560)";
    return { ok: false, code: 60, message: problem, help: true, verbose: [...HELLO, `* TLSv1.3 (OUT), TLS alert, ${alert}:`, `* ${problem}`, "* Closing connection 0"] };
  }
  const verbose = [
    ...HELLO,
    "* TLSv1.3 (IN), TLS handshake, CERT verify (15):",
    "* TLSv1.3 (IN), TLS handshake, Finished (20):",
    "* TLSv1.3 (OUT), TLS change cipher, Change cipher spec (1):",
    "* TLSv1.3 (OUT), TLS handshake, Finished (20):",
    "* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384",
    "* ALPN: server accepted http/1.1",
    "* Server certificate:",
    `*  subject: ${curlName(leaf.subject)}`,
    `*  start date: ${asn1Time(leaf.notBefore)}`,
    `*  expire date: ${asn1Time(leaf.notAfter)}`,
  ];
  const first = sansOf(leaf).find((n) => nameMatches({ ...leaf, extensions: leaf.extensions }, hostname) && n.toLowerCase() === hostname.toLowerCase()) ?? sansOf(leaf)[0] ?? "";
  if (matched) verbose.push(`*  subjectAltName: host "${hostname}" matched cert's "${first}"`);
  verbose.push(`*  issuer: ${curlName(leaf.issuer)}`);
  if (!matched && !insecure) {
    const msg = `SSL: no alternative certificate subject name matches target host name '${hostname}'`;
    return { ok: false, code: 60, message: msg, help: true, verbose: [...verbose, `* ${msg}`, "* Closing connection 0"] };
  }
  verbose.push(v.code === 0 ? "*  SSL certificate verify ok." : `*  SSL certificate verify result: ${v.text} (${v.code}), continuing anyway.`);
  return { ok: true, verbose };
}

/** The request and response lines -v shows around the body. */
export function httpVerbose(hostname: string, port: number, https: boolean, method: string, path: string, res: HttpResponse | null): { before: string[]; after: string[] } {
  const hostHeader = (https && port === 443) || (!https && port === 80) ? hostname : `${hostname}:${port}`;
  const before = ["* using HTTP/1.1", `> ${method} ${path} HTTP/1.1`, `> Host: ${hostHeader}`, "> User-Agent: curl/7.88.1", "> Accept: */*", "> "];
  if (https) before.push("* TLSv1.3 (IN), TLS handshake, Newsession Ticket (4):", "* TLSv1.3 (IN), TLS handshake, Newsession Ticket (4):", "* old SSL session ID is stale, removing");
  const after = res ? [`< HTTP/${res.httpVersion ?? "1.1"} ${res.status} ${res.reason}`, ...res.headers.map(([k, v]) => `< ${k}: ${v}`), "< "] : [];
  return { before, after };
}

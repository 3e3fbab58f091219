import type { Runtime } from "../../shell/runtime.ts";
import { resolveHost } from "../../net/resolve.ts";
import { pem } from "../../net/tls/der.ts";
import { handshake } from "../../net/tls/endpoint.ts";
import { asn1Time, oneline } from "../../net/tls/text.ts";
import { verifyChain } from "../../net/tls/verify.ts";
import type { Cert } from "../../net/tls/x509.ts";
import { needsValue, threadId, unknownOption } from "./errors.ts";

/**
 * `openssl s_client -connect HOST:PORT [-servername NAME] [-showcerts]`
 * against this host's listeners, printed as OpenSSL 3.0.x prints a TLS 1.3
 * session with stdin at EOF: the verify callback's depth lines and DONE on
 * stderr, the chain, the server certificate and the session summary on
 * stdout.
 */

type Result = { stdout: string; stderr: string; exitCode: number };

const SHOWN_OPTS_WITH_VALUE = new Set(["-CAfile", "-CApath", "-cert", "-key", "-verify", "-alpn", "-starttls", "-proxy", "-sess_out", "-sess_in"]);
const FLAGS = new Set(["-brief", "-quiet", "-no_ign_eof", "-ign_eof", "-tls1_2", "-tls1_3", "-verify_return_error", "-crlf", "-state", "-debug", "-msg", "-prexit", "-noservername"]);

function isLocal(rt: Runtime, addr: string): boolean {
  if (addr.startsWith("127.") || addr === "::1") return true;
  return rt.host.state.net.interfaces.some((i) => i.addrs.some((a) => a.address === addr));
}

function chainBlock(chain: Cert[], showcerts: boolean): string {
  let out = "Certificate chain\n";
  chain.forEach((c, i) => {
    out += ` ${i} s:${oneline(c.subject)}\n   i:${oneline(c.issuer)}\n   a:PKEY: rsaEncryption, ${c.modulus.length * 8} (bit); sigalg: RSA-SHA256\n   v:NotBefore: ${asn1Time(c.notBefore)}; NotAfter: ${asn1Time(c.notAfter)}\n`;
    if (showcerts) out += pem("CERTIFICATE", c.der);
  });
  return out;
}

export function sClient(args: string[], rt: Runtime): Result {
  let connect = "localhost:4433";
  let servername: string | null = null;
  let noSni = false;
  let showcerts = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "-connect" || a === "-servername") {
      const v = args[++i];
      if (v === undefined) return { stdout: "", stderr: needsValue("s_client", a), exitCode: 1 };
      if (a === "-connect") connect = v;
      else servername = v;
    } else if (a === "-showcerts") showcerts = true;
    else if (a === "-noservername") noSni = true;
    else if (SHOWN_OPTS_WITH_VALUE.has(a)) {
      if (args[++i] === undefined) return { stdout: "", stderr: needsValue("s_client", a), exitCode: 1 };
    } else if (FLAGS.has(a)) continue;
    else if (!a.startsWith("-") && i === args.length - 1) connect = a;
    else return { stdout: "", stderr: unknownOption("s_client", a), exitCode: 1 };
  }
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(connect);
  const hostName = (m?.[1] ?? "localhost").replace(/^\[|\]$/g, "");
  const port = Number(m?.[2] ?? 443);
  const tid = threadId(rt);
  const isIp = /^[\d.]+$/.test(hostName) || hostName.includes(":");
  const resolved = isIp ? { ok: true as const, addrs: [hostName] } : resolveHost(rt.host, hostName);
  if (!resolved.ok) {
    return { stdout: "", stderr: `${tid}:error:10080002:BIO routines:BIO_lookup_ex:system lib:../crypto/bio/bio_addr.c:746:Name or service not known\nconnect:errno=0\n`, exitCode: 1 };
  }
  const addr = resolved.addrs[0] ?? "127.0.0.1";
  const refused = `${tid}:error:8000006F:system library:BIO_connect:Connection refused:../crypto/bio/bio_sock2.c:117:calling connect()\n${tid}:error:10000067:BIO routines:BIO_connect:connect error:../crypto/bio/bio_sock2.c:119:\nconnect:errno=111\n`;
  if (!isLocal(rt, addr)) return { stdout: "", stderr: refused, exitCode: 1 };
  // OpenSSL 3.0 sends the -connect host as SNI unless it is an address.
  const sni = noSni ? null : (servername ?? (isIp ? null : hostName));
  const hs = handshake(rt.host, port, sni);
  if (hs.kind === "refused") return { stdout: "", stderr: refused, exitCode: 1 };
  const written = (n: number): number => n + (sni ? sni.length + 9 : 0);
  if (hs.kind === "plain" || hs.chain.length === 0) {
    return {
      stdout: `CONNECTED(00000003)\n---\nno peer certificate available\n---\nNo client certificate CA names sent\n---\nSSL handshake has read 5 bytes and written ${written(297)} bytes\nVerification: OK\n---\nNew, (NONE), Cipher is (NONE)\nSecure Renegotiation IS NOT supported\nCompression: NONE\nExpansion: NONE\nNo ALPN negotiated\nEarly data was not sent\nVerify return code: 0 (ok)\n---\n`,
      stderr: `${tid}:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../ssl/record/ssl3_record.c:350:\n`,
      exitCode: 1,
    };
  }
  const chain = hs.chain;
  const leaf = chain[0] as Cert;
  const v = verifyChain(chain, rt.host.now);
  let stderr = sni ? "" : "Can't use SSL_get_servername\n";
  for (const step of v.steps) {
    const who = `depth=${step.depth} ${oneline(step.cert.subject)}\n`;
    stderr += who;
    for (const [num, text] of step.errors) {
      stderr += `verify error:num=${num}:${text}\n`;
      if (num === 10) stderr += `notAfter=${asn1Time(step.cert.notAfter)}\n`;
      if (num === 9) stderr += `notBefore=${asn1Time(step.cert.notBefore)}\n`;
    }
    stderr += "verify return:1\n";
    // The callback runs once more for a certificate whose dates failed, with the error still set.
    for (const [num] of step.errors) {
      if (num === 10) stderr += `${who}notAfter=${asn1Time(step.cert.notAfter)}\nverify return:1\n`;
      if (num === 9) stderr += `${who}notBefore=${asn1Time(step.cert.notBefore)}\nverify return:1\n`;
    }
  }
  stderr += "DONE\n";
  const read = chain.reduce((n, c) => n + c.der.length, 0) + 561;
  let stdout = `CONNECTED(00000003)\n---\n${chainBlock(chain, showcerts)}---\nServer certificate\n`;
  if (!showcerts) stdout += pem("CERTIFICATE", leaf.der);
  stdout += `subject=${oneline(leaf.subject)}\nissuer=${oneline(leaf.issuer)}\n---\nNo client certificate CA names sent\nPeer signing digest: SHA256\nPeer signature type: RSA-PSS\nServer Temp Key: X25519, 253 bits\n---\n`;
  stdout += `SSL handshake has read ${read} bytes and written ${written(377)} bytes\n${v.code === 0 ? "Verification: OK" : `Verification error: ${v.text}`}\n---\n`;
  stdout += `New, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384\nServer public key is ${leaf.modulus.length * 8} bit\nSecure Renegotiation IS NOT supported\nCompression: NONE\nExpansion: NONE\nNo ALPN negotiated\nEarly data was not sent\nVerify return code: ${v.code} (${v.text})\n---\n`;
  return { stdout, stderr, exitCode: 0 };
}

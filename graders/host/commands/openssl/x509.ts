import type { ResolvedCommandContext } from "just-bash";
import * as fs from "../../state/fs.ts";
import { isSysError } from "../../state/errors.ts";
import type { Runtime } from "../../shell/runtime.ts";
import { latin1FromBytes } from "just-bash";
import { pem } from "../../net/tls/der.ts";
import { certsInPem, parseCert, type Cert } from "../../net/tls/x509.ts";
import { asn1Time, EXT_SHORT, extBlock, fingerprint, oneline, serialHex, x509Text } from "../../net/tls/text.ts";
import { needsValue, threadId, unknownOption } from "./errors.ts";

/**
 * `openssl x509` (OpenSSL 3.0) for reading certificates: -in FILE or stdin,
 * PEM or DER, and the printing options in the order given on the command
 * line (a later -dates re-places notBefore/notAfter, as in OpenSSL).
 */

type Print = "subject" | "issuer" | "serial" | "startdate" | "enddate" | "fingerprint" | "text" | "ext";
type Result = { stdout: string; stderr: string; exitCode: number };

function readInput(rt: Runtime, ctx: ResolvedCommandContext, path: string | null): { data: string } | { error: string } {
  if (path === null || path === "-") return { data: latin1FromBytes(ctx.stdin) };
  const abs = path.startsWith("/") ? path : `${ctx.cwd.replace(/\/$/, "")}/${path}`;
  const tid = threadId(rt);
  try {
    const { inode } = fs.readFile(rt.host.state, rt.cred, abs);
    return { data: fs.readFileRange(inode, 0, 2_000_000) };
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (e.code === "EACCES") {
      return { error: `Could not open file or uri for loading certificate from ${path}\n${tid}:error:16000069:STORE routines:ossl_store_get0_loader_int:unregistered scheme:../crypto/store/store_register.c:237:scheme=file\n${tid}:error:8000000D:system library:BIO_new_file:Permission denied:../crypto/bio/bss_file.c:67:calling fopen(${path}, rb)\n${tid}:error:10080002:BIO routines:BIO_new_file:system lib:../crypto/bio/bss_file.c:77:\nUnable to load certificate\n` };
    }
    return { error: `Could not open file or uri for loading certificate from ${path}\n${tid}:error:16000069:STORE routines:ossl_store_get0_loader_int:unregistered scheme:../crypto/store/store_register.c:237:scheme=file\n${tid}:error:80000002:system library:file_open:No such file or directory:../providers/implementations/storemgmt/file_store.c:266:calling stat(${path})\nUnable to load certificate\n` };
  }
}

export function x509(args: string[], ctx: ResolvedCommandContext, rt: Runtime): Result {
  let input: string | null = null;
  let der = false;
  let noout = false;
  let digest: "sha1" | "sha256" = "sha1";
  let checkend: number | null = null;
  let exts: string[] = [];
  const prints: Print[] = [];
  const place = (p: Print): void => {
    const i = prints.indexOf(p);
    if (i >= 0) prints.splice(i, 1);
    prints.push(p);
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    const value = (): string | null => args[++i] ?? null;
    switch (a) {
      case "-in": {
        const v = value();
        if (v === null) return { stdout: "", stderr: needsValue("x509", "-in"), exitCode: 1 };
        input = v;
        break;
      }
      case "-inform": {
        const v = value();
        if (v === null) return { stdout: "", stderr: needsValue("x509", "-inform"), exitCode: 1 };
        der = v.toUpperCase() === "DER";
        break;
      }
      case "-nameopt":
      case "-certopt":
        if (value() === null) return { stdout: "", stderr: needsValue("x509", a), exitCode: 1 };
        break;
      case "-noout":
        noout = true;
        break;
      case "-sha1":
      case "-sha256":
        digest = a === "-sha1" ? "sha1" : "sha256";
        break;
      case "-subject":
      case "-issuer":
      case "-serial":
      case "-startdate":
      case "-enddate":
      case "-fingerprint":
      case "-text":
        place(a.slice(1) as Print);
        break;
      case "-dates":
        place("startdate");
        place("enddate");
        break;
      case "-checkend": {
        const v = value();
        if (v === null) return { stdout: "", stderr: needsValue("x509", "-checkend"), exitCode: 1 };
        if (!/^\d+$/.test(v)) return { stdout: "", stderr: `x509: Invalid number "${v}" for option -checkend\nx509: Use -help for summary.\n`, exitCode: 1 };
        checkend = Number(v);
        break;
      }
      case "-ext": {
        const v = value();
        if (v === null) return { stdout: "", stderr: needsValue("x509", "-ext"), exitCode: 1 };
        exts = v.split(",").map((s) => s.trim());
        place("ext");
        break;
      }
      default:
        return { stdout: "", stderr: unknownOption("x509", a), exitCode: 1 };
    }
  }
  const got = readInput(rt, ctx, input);
  if ("error" in got) return { stdout: "", stderr: got.error, exitCode: 1 };
  const cert: Cert | null = der ? parseCert(Uint8Array.from(got.data, (c) => c.charCodeAt(0) & 0xff)) : (certsInPem(got.data)[0] ?? null);
  if (!cert) {
    return { stdout: "", stderr: `Could not read certificate from ${input ?? "<stdin>"}\nUnable to load certificate\n`, exitCode: 1 };
  }
  let out = "";
  for (const p of prints) {
    if (p === "subject") out += `subject=${oneline(cert.subject)}\n`;
    else if (p === "issuer") out += `issuer=${oneline(cert.issuer)}\n`;
    else if (p === "serial") out += `serial=${serialHex(cert)}\n`;
    else if (p === "startdate") out += `notBefore=${asn1Time(cert.notBefore)}\n`;
    else if (p === "enddate") out += `notAfter=${asn1Time(cert.notAfter)}\n`;
    else if (p === "fingerprint") out += `${fingerprint(cert, digest)}\n`;
    else if (p === "text") out += x509Text(cert);
    else if (p === "ext") {
      const wanted = exts.map((n) => EXT_SHORT[n]);
      const bad = exts.find((n) => !EXT_SHORT[n]);
      if (bad !== undefined) return { stdout: out, stderr: `Invalid extension name: ${bad}\n`, exitCode: 1 };
      for (const e of cert.extensions.filter((x) => wanted.includes(x.oid))) out += extBlock(e, "");
      if (!cert.extensions.some((x) => wanted.includes(x.oid))) out += "No extensions in certificate\n";
    }
  }
  let exitCode = 0;
  if (checkend !== null) {
    const expires = cert.notAfter < rt.host.now + checkend * 1000;
    out += expires ? "Certificate will expire\n" : "Certificate will not expire\n";
    exitCode = expires ? 1 : 0;
    // OpenSSL stops after the -checkend verdict: no certificate is written even without -noout.
    return { stdout: out, stderr: "", exitCode };
  }
  if (!noout) out += pem("CERTIFICATE", cert.der);
  return { stdout: out, stderr: "", exitCode };
}

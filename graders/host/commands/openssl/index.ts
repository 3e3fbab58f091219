import type { HostCommand } from "../types.ts";
import { sClient } from "./s-client.ts";
import { x509 } from "./x509.ts";

/**
 * openssl (OpenSSL 3.0 as Debian 12 ships it): `version`, `x509` to read
 * certificates and `s_client` to see what a TLS listener on this host
 * presents. Other subcommands exist on a real host but are not modelled,
 * and say so instead of pretending.
 */

const VERSION = "OpenSSL 3.0.15 3 Sep 2024 (Library: OpenSSL 3.0.15 3 Sep 2024)\n";
const KNOWN = new Set(["asn1parse", "ca", "ciphers", "cms", "crl", "crl2pkcs7", "dgst", "dhparam", "dsa", "dsaparam", "ec", "ecparam", "enc", "engine", "errstr", "gendsa", "genpkey", "genrsa", "help", "info", "kdf", "list", "mac", "nseq", "ocsp", "passwd", "pkcs12", "pkcs7", "pkcs8", "pkey", "pkeyparam", "pkeyutl", "prime", "rand", "rehash", "req", "rsa", "rsautl", "s_server", "s_time", "sess_id", "smime", "speed", "spkac", "srp", "storeutl", "ts", "verify"]);

export const openssl: HostCommand = {
  name: "openssl",
  async run(args, ctx, rt) {
    const [sub, ...rest] = args;
    if (sub === undefined) return { stdout: "", stderr: "", exitCode: 0 };
    if (sub === "version") return { stdout: VERSION, stderr: "", exitCode: 0 };
    if (sub === "x509") return x509(rest, ctx, rt);
    if (sub === "s_client") return sClient(rest, rt);
    if (KNOWN.has(sub)) return { stdout: "", stderr: `openssl ${sub}: not modelled on this simulated host (only version, x509 and s_client are)\n`, exitCode: 1 };
    return { stdout: "", stderr: `Invalid command '${sub}'; type "help" for a list.\n`, exitCode: 1 };
  },
};

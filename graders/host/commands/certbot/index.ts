import * as fs from "../../state/fs.ts";
import type { Host } from "../../state/host.ts";
import type { Runtime } from "../../shell/runtime.ts";
import { certsInPem, sansOf } from "../../net/tls/x509.ts";
import type { HostCommand } from "../types.ts";

/**
 * certbot 2.1.0 (Debian 12) for looking at what is installed: `certificates`
 * and a `renew` that has nothing due. Getting a new certificate needs the
 * ACME server on the internet, which this host does not reach; certbot says
 * so rather than pretending.
 */

const RULE = "- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -";
const LOG_LINE = "Saving debug log to /var/log/letsencrypt/letsencrypt.log\n";
const DAY = 86400_000;

interface Lineage {
  name: string;
  fullchain: string;
  privkey: string;
  notAfter: number;
  serial: string;
  domains: string[];
}

function readText(host: Host, path: string): string | null {
  const found = fs.tryResolve(host.state, fs.ROOT, path);
  return found?.inode.kind === "file" ? fs.readFileRange(found.inode, 0, 1_000_000) : null;
}

/** Every renewal config and the certificate its live fullchain holds now. */
function lineages(host: Host): Lineage[] {
  const dir = fs.tryResolve(host.state, fs.ROOT, "/etc/letsencrypt/renewal");
  if (dir?.inode.kind !== "dir") return [];
  const out: Lineage[] = [];
  for (const file of Object.keys(dir.inode.entries).filter((n) => n.endsWith(".conf")).sort()) {
    const conf = readText(host, `/etc/letsencrypt/renewal/${file}`) ?? "";
    const get = (k: string): string => new RegExp(`^${k} = (.*)$`, "m").exec(conf)?.[1] ?? "";
    const fullchain = get("fullchain");
    const cert = certsInPem(readText(host, fullchain) ?? "")[0];
    if (!cert) continue;
    out.push({
      name: file.replace(/\.conf$/, ""), fullchain, privkey: get("privkey"), notAfter: cert.notAfter,
      serial: Array.from(cert.serial, (b) => b.toString(16).padStart(2, "0")).join("").replace(/^0+/, ""), domains: sansOf(cert),
    });
  }
  return out;
}

const p2 = (n: number): string => String(n).padStart(2, "0");
function isoDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
}

function certificates(host: Host): string {
  const list = lineages(host);
  if (list.length === 0) return `${RULE}\nNo certificates found.\n${RULE}\n`;
  let out = `${RULE}\nFound the following certs:\n`;
  for (const l of list) {
    const d = new Date(l.notAfter);
    const left = l.notAfter - host.now;
    const validity = left <= 0 ? "INVALID: EXPIRED" : `VALID: ${Math.floor(left / DAY)} day${Math.floor(left / DAY) === 1 ? "" : "s"}`;
    out += `  Certificate Name: ${l.name}\n    Serial Number: ${l.serial}\n    Key Type: RSA\n    Domains: ${l.domains.join(" ")}\n`;
    out += `    Expiry Date: ${isoDate(l.notAfter)} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}+00:00 (${validity})\n`;
    out += `    Certificate Path: ${l.fullchain}\n    Private Key Path: ${l.privkey}\n`;
  }
  return `${out}${RULE}\n`;
}

function renew(host: Host): { stdout: string; stderr: string; exitCode: number } {
  const list = lineages(host);
  const due = list.filter((l) => l.notAfter - host.now < 30 * DAY);
  if (due.length) {
    return { stdout: "", stderr: `${LOG_LINE}certbot: renewing ${due.map((l) => l.name).join(", ")} needs the ACME server on the internet, which this simulated host cannot reach\n`, exitCode: 1 };
  }
  let out = "";
  for (const l of list) out += `\n${RULE}\nProcessing /etc/letsencrypt/renewal/${l.name}.conf\n${RULE}\nCertificate not yet due for renewal\n`;
  out += `\n${RULE}\nThe following certificates are not due for renewal yet:\n`;
  for (const l of list) out += `  ${l.fullchain} expires on ${isoDate(l.notAfter)} (skipped)\n`;
  out += `No renewals were attempted.\n${RULE}\n`;
  return { stdout: out.replace(/^\n/, ""), stderr: LOG_LINE, exitCode: 0 };
}

export const certbot: HostCommand = {
  name: "certbot",
  async run(args, _ctx, rt: Runtime) {
    if (args.includes("--version")) return { stdout: "certbot 2.1.0\n", stderr: "", exitCode: 0 };
    if (rt.cred.uid !== 0) {
      return { stdout: "", stderr: "The following error was encountered:\n[Errno 13] Permission denied: '/var/log/letsencrypt/.certbot.lock'\nEither run as root, or set --config-dir, --work-dir, and --logs-dir to writeable paths.\n", exitCode: 1 };
    }
    const verb = args.find((a) => !a.startsWith("-")) ?? "";
    if (verb === "certificates") return { stdout: certificates(rt.host), stderr: LOG_LINE, exitCode: 0 };
    if (verb === "renew") return renew(rt.host);
    return { stdout: "", stderr: `certbot: '${verb || args.join(" ")}' is not modelled on this simulated host (certificates and renew are)\n`, exitCode: 1 };
  },
};

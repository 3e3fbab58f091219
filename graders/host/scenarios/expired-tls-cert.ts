import { createBaseHost } from "../state/debian.ts";
import * as fs from "../state/fs.ts";
import { Host } from "../state/host.ts";
import { hash32, randInt, randPick } from "../state/rng.ts";
import { startUnit } from "../services/systemd.ts";
import { installNginx } from "../programs/nginx/install.ts";
import { accessLogTime } from "../programs/nginx/logs.ts";
import { httpLocal } from "../net/http.ts";
import { installPackage } from "../net/packages.ts";
import { handshake } from "../net/tls/endpoint.ts";
import { intermediate, issueLeaf } from "../net/tls/ca.ts";
import { nameMatches, verifyChain } from "../net/tls/verify.ts";
import { unitRunning } from "./checks.ts";
import type { Check, ScenarioDefinition } from "./types.ts";

/**
 * expired-tls-cert: shop.example.com's certificate expired. An admin ran
 * `certbot renew` afterwards, so /etc/letsencrypt/live/shop.example.com/
 * now points at a fresh cert2/privkey2 in ../../archive/, but nobody
 * reloaded nginx, and nginx keeps presenting the certificate it loaded when
 * it started. Files on disk look fine; what clients get is expired.
 *
 * Fixed: what a client sees on :443 for shop.example.com verifies (dates,
 * chain to the trusted root, name), nginx runs, and the shop answers over
 * HTTPS. A reload or a restart both do it; a self-signed certificate, the
 * leaf without its chain, or plain HTTP on 443 do not.
 */

const DOMAIN = "shop.example.com";
const LIVE = `/etc/letsencrypt/live/${DOMAIN}`;
const ARCHIVE = `/etc/letsencrypt/archive/${DOMAIN}`;
const DAY = 86400_000;

function siteText(): string {
  return `server {
	listen 80;
	listen [::]:80;
	server_name ${DOMAIN} www.${DOMAIN};

	# certbot renews through the webroot
	location /.well-known/acme-challenge/ {
		root /var/www/letsencrypt;
	}

	location / {
		return 301 https://$host$request_uri;
	}
}

server {
	listen 443 ssl;
	listen [::]:443 ssl;
	server_name ${DOMAIN} www.${DOMAIN};

	ssl_certificate ${LIVE}/fullchain.pem;
	ssl_certificate_key ${LIVE}/privkey.pem;
	ssl_protocols TLSv1.2 TLSv1.3;
	ssl_session_cache shared:SSL:10m;

	root /var/www/shop;
	index index.html;

	location / {
		try_files $uri $uri/ =404;
	}
}
`;
}

function shopIndex(name: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${name} | Shop</title>
</head>
<body>
<h1>${name}</h1>
<p>Handmade goods, shipped worldwide.</p>
</body>
</html>
`;
}

const p2 = (n: number): string => String(n).padStart(2, "0");
function logStamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())},${String(ms % 1000).padStart(3, "0")}`;
}

function build(seed: number): Host {
  const nowMs = Date.UTC(2026, 10, 26, 9, 20) + (seed % 89) * 60_000;
  const h = hash32("expired-tls-cert", seed);
  const hostname = `shop-web-0${1 + (h % 4)}`;
  const state = createBaseHost({ seed, hostname, nowMs, rootGiB: 20 });
  const host = new Host(state);
  const boot = state.clock.bootMs;
  const installed = boot - randInt(state, 200, 500) * DAY;
  const brand = randPick(state, ["Juniper & Pine", "Tidewater Goods", "Foxglove Studio", "Alder Workshop"]);
  const via = intermediate(randPick(state, ["R10", "R11"] as const));
  const names = [DOMAIN, `www.${DOMAIN}`];

  // The old certificate expired 20 to 40 hours ago; an admin renewed it afterwards.
  const expiredAt = nowMs - randInt(state, 20, 40) * 3600_000 - randInt(state, 0, 3599) * 1000;
  const oldIssued = expiredAt - 90 * DAY + 1000;
  const renewedAt = expiredAt + randInt(state, 2, 8) * 3600_000 + randInt(state, 0, 3599) * 1000;
  const old = issueLeaf(`${seed}:1`, names, oldIssued, expiredAt, via);
  const fresh = issueLeaf(`${seed}:2`, names, renewedAt - 3600_000, renewedAt - 3600_000 + 90 * DAY - 1000, via);

  // /etc/hosts: the shop's name is this host, so clients here reach it locally.
  const hosts = fs.resolve(state, fs.ROOT, "/etc/hosts").inode;
  if (hosts.kind === "file") hosts.text = hosts.text.replace(`127.0.1.1\t${hostname}\n`, `127.0.1.1\t${hostname} ${DOMAIN} www.${DOMAIN}\n`);

  const unit = installNginx(host, { atMs: installed });
  installPackage(state, "certbot", installed + DAY);
  unit.params = { ...unit.params, brand };
  fs.unlink(state, fs.ROOT, "/etc/nginx/sites-enabled/default");
  fs.createFile(state, fs.ROOT, "/etc/nginx/sites-available/shop", siteText(), { mtimeMs: installed + DAY });
  fs.symlink(state, fs.ROOT, "/etc/nginx/sites-available/shop", "/etc/nginx/sites-enabled/shop", { mtimeMs: installed + DAY });
  for (const dir of ["/var/www/shop", "/var/www/letsencrypt"]) fs.mkdir(state, fs.ROOT, dir, { mtimeMs: installed + DAY });
  fs.createFile(state, fs.ROOT, "/var/www/shop/index.html", shopIndex(brand), { mtimeMs: boot - 9 * DAY });

  // certbot's layout: archive/ holds every version, live/ symlinks to the current one.
  const le = (path: string, mode = 0o755): void => {
    if (!fs.tryResolve(state, fs.ROOT, path)) fs.mkdir(state, fs.ROOT, path, { mode, mtimeMs: installed + DAY });
  };
  for (const d of ["/etc/letsencrypt", "/etc/letsencrypt/renewal", "/etc/letsencrypt/renewal-hooks", "/etc/letsencrypt/renewal-hooks/deploy", "/etc/letsencrypt/renewal-hooks/post", "/etc/letsencrypt/renewal-hooks/pre"]) le(d);
  le("/etc/letsencrypt/accounts", 0o700);
  le("/etc/letsencrypt/archive", 0o700);
  le("/etc/letsencrypt/live", 0o700);
  le(ARCHIVE);
  le(LIVE);
  fs.createFile(state, fs.ROOT, "/etc/letsencrypt/live/README", "This directory contains your keys and certificates.\n\n`[cert name]/privkey.pem`  : the private key for your certificate.\n`[cert name]/fullchain.pem`: the certificate file used in most server software.\n`[cert name]/chain.pem`    : used for OCSP stapling in Nginx >=1.3.7.\n`[cert name]/cert.pem`     : will break many server configurations, and should not be used\n                 without reading further documentation (see link below).\n\nWARNING: DO NOT MOVE OR RENAME THESE FILES!\n         Certbot expects these files to remain in this location in order\n         to function properly!\n\nWe recommend not moving these files. For more information, see the Certbot\nUser Guide at https://certbot.eff.org/docs/using.html#where-are-my-certificates.\n", { mtimeMs: installed + DAY });
  const writeVersion = (n: number, issued: typeof old, at: number): void => {
    fs.createFile(state, fs.ROOT, `${ARCHIVE}/cert${n}.pem`, issued.cert, { mtimeMs: at });
    fs.createFile(state, fs.ROOT, `${ARCHIVE}/chain${n}.pem`, issued.chain, { mtimeMs: at });
    fs.createFile(state, fs.ROOT, `${ARCHIVE}/fullchain${n}.pem`, issued.fullchain, { mtimeMs: at });
    fs.createFile(state, fs.ROOT, `${ARCHIVE}/privkey${n}.pem`, issued.privkey, { mode: 0o600, mtimeMs: at });
  };
  writeVersion(1, old, oldIssued + 3600_000);
  const link = (n: number, at: number): void => {
    for (const f of ["cert", "chain", "fullchain", "privkey"]) {
      const path = `${LIVE}/${f}.pem`;
      if (fs.tryResolve(state, fs.ROOT, path, false)) fs.unlink(state, fs.ROOT, path);
      fs.symlink(state, fs.ROOT, `../../archive/${DOMAIN}/${f}${n}.pem`, path, { mtimeMs: at });
    }
  };
  link(1, oldIssued + 3600_000);
  fs.createFile(state, fs.ROOT, `/etc/letsencrypt/renewal/${DOMAIN}.conf`, `# renew_before_expiry = 30 days
version = 2.1.0
archive_dir = ${ARCHIVE}
cert = ${LIVE}/cert.pem
privkey = ${LIVE}/privkey.pem
chain = ${LIVE}/chain.pem
fullchain = ${LIVE}/fullchain.pem

# Options used in the renewal process
[renewalparams]
account = ${Array.from({ length: 32 }, () => "0123456789abcdef"[randInt(state, 0, 15)]).join("")}
authenticator = webroot
webroot_path = /var/www/letsencrypt,
server = https://acme-v02.api.letsencrypt.org/directory
key_type = rsa
[[webroot_map]]
${DOMAIN} = /var/www/letsencrypt
www.${DOMAIN} = /var/www/letsencrypt
`, { mtimeMs: oldIssued + 3600_000 });

  // nginx started at boot with the certificate that was current then.
  state.clock.nowMs = boot + 7_100;
  startUnit(host, unit);
  if (unit.activeState !== "active") throw new Error("nginx did not start while building the scenario");

  // Customers since the expiry: browsers refuse the handshake, so the access log goes quiet; curl -k monitors keep polling.
  let access = "";
  for (let t = boot + 3600_000; t < nowMs - 60_000; t += randInt(state, 120, 900) * 1000) {
    if (t > expiredAt) break;
    const ua = randPick(state, ["Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0"]);
    access += `${randInt(state, 20, 220)}.${randInt(state, 1, 250)}.${randInt(state, 1, 250)}.${randInt(state, 1, 250)} - - [${accessLogTime(t)}] "GET / HTTP/1.1" 200 ${shopIndex(brand).length} "-" "${ua}"\n`;
  }
  const accessLog = fs.resolve(state, fs.ROOT, "/var/log/nginx/access.log").inode;
  if (accessLog.kind === "file") accessLog.text = access;

  // The renewal, run by hand after the expiry alerts; no deploy hook reloads nginx.
  state.clock.nowMs = renewedAt;
  writeVersion(2, fresh, renewedAt);
  link(2, renewedAt);
  const sudoPid = randInt(state, 20_000, 40_000);
  host.log({ ident: "sudo", pid: sudoPid, unit: null, priority: 5, message: "   admin : TTY=pts/0 ; PWD=/home/admin ; USER=root ; COMMAND=/usr/bin/certbot renew" });
  host.log({ ident: "sudo", pid: sudoPid, unit: null, priority: 6, message: "pam_unix(sudo:session): session opened for user root(uid=0) by admin(uid=1000)" });
  host.log({ tsMs: renewedAt + 9_000, ident: "sudo", pid: sudoPid, unit: null, priority: 6, message: "pam_unix(sudo:session): session closed for user root" });
  le("/var/log/letsencrypt", 0o700);
  const at = (s: number): string => logStamp(renewedAt + s);
  fs.createFile(state, fs.ROOT, "/var/log/letsencrypt/letsencrypt.log", [
    `${at(0)}:DEBUG:certbot._internal.main:certbot version: 2.1.0`,
    `${at(1)}:DEBUG:certbot._internal.main:Arguments: []`,
    `${at(40)}:DEBUG:certbot._internal.main:Discovered plugins: PluginsRegistry(PluginEntryPoint#manual,PluginEntryPoint#null,PluginEntryPoint#standalone,PluginEntryPoint#webroot)`,
    `${at(95)}:DEBUG:certbot._internal.log:Root logging level set at 30`,
    `${at(130)}:DEBUG:certbot._internal.renewal:Auto-renewal forced with --force-renewal or expired certificate`,
    `${at(2210)}:INFO:certbot._internal.renewal:Renewing an existing certificate for ${DOMAIN} and www.${DOMAIN}`,
    `${at(6120)}:DEBUG:certbot._internal.storage:Writing new private key to ${ARCHIVE}/privkey2.pem.`,
    `${at(6125)}:DEBUG:certbot._internal.storage:Writing certificate to ${ARCHIVE}/cert2.pem.`,
    `${at(6128)}:DEBUG:certbot._internal.storage:Writing chain to ${ARCHIVE}/chain2.pem.`,
    `${at(6131)}:DEBUG:certbot._internal.storage:Writing full chain to ${ARCHIVE}/fullchain2.pem.`,
    `${at(6140)}:DEBUG:certbot._internal.storage:Writing new config /etc/letsencrypt/renewal/${DOMAIN}.conf.new.`,
    `${at(6160)}:DEBUG:certbot._internal.display.obj:Notifying user: `,
    `new certificate deployed without reload, fullchain is`,
    `${LIVE}/fullchain.pem`,
    `${at(6170)}:DEBUG:certbot._internal.renewal:no renewal failures`,
    "",
  ].join("\n"), { mode: 0o644, mtimeMs: renewedAt + 6_200 });
  state.clock.nowMs = nowMs;
  return host;
}

/** What a client on this host gets from https://shop.example.com: a chain that verifies now, for this name. */
export function servedCertValid(host: Host): boolean {
  const hs = handshake(host, 443, DOMAIN);
  if (hs.kind !== "tls" || !hs.chain[0]) return false;
  return verifyChain(hs.chain, host.now).code === 0 && nameMatches(hs.chain[0], DOMAIN);
}

const certValid: Check = { name: "https://shop.example.com presents a valid certificate", test: servedCertValid };

const shopOverHttps: Check = {
  name: "The shop answers over HTTPS",
  test: (host) => {
    const res = httpLocal(host, 443, "/");
    const brand = String(host.state.units["nginx.service"]?.params.brand ?? "");
    return handshake(host, 443, DOMAIN).kind === "tls" && res !== null && res.status === 200 && res.body.includes(`<h1>${brand}</h1>`);
  },
};

export const expiredTlsCert: ScenarioDefinition = {
  slug: "expired-tls-cert",
  title: "The certificate was renewed, browsers still say it expired",
  build,
  checks: [unitRunning("nginx.service", "nginx.service is running"), certValid, shopOverHttps],
  referenceFix: () => ["sudo nginx -t", "sudo systemctl reload nginx"],
};

import { createBaseHost } from "../state/debian.ts";
import * as fs from "../state/fs.ts";
import { Host } from "../state/host.ts";
import { hash32, randInt, randPick } from "../state/rng.ts";
import { restartUnit, startUnit } from "../services/systemd.ts";
import { installNginx } from "../programs/nginx/install.ts";
import { ETC_NGINX } from "../programs/nginx/debian-files.ts";
import { loadConf } from "../programs/nginx/conf-load.ts";
import { ConfError } from "../programs/nginx/conf-parse.ts";
import { hostConfFs } from "../programs/nginx/host-fs.ts";
import { accessLogTime } from "../programs/nginx/logs.ts";
import { httpLocal } from "../net/http.ts";
import { unitRunning } from "./checks.ts";
import type { Check, ScenarioDefinition } from "./types.ts";

/**
 * nginx-config-syntax: a colleague added a load-balancer health check
 * (`location = /healthz`) to the site in /etc/nginx/sites-available/default
 * and restarted nginx without `nginx -t`. One directive lost its `;` (which
 * one varies by seed), so ExecStartPre's `nginx -t` fails, and because it
 * was a restart, the old nginx is already gone: the site is down. What nginx
 * reports depends on what follows the lost `;`: "invalid number of
 * arguments", "invalid parameter", "is not terminated by ;" or
 * unexpected "}", often on the line after the broken one.
 *
 * Fixed: the configuration passes nginx -t, nginx runs, the home page and
 * the new health check answer. Deleting the site or the health check does
 * not count.
 */

const SITE = "/etc/nginx/sites-available/default";
const ENABLED = "/etc/nginx/sites-enabled/default";

const HEALTHZ = `
	# Health check for the load balancer (ticket NET-{ticket})
	location = /healthz {
		access_log off;
		default_type text/plain;
		return 200 "ok\\n";
	}
`;

/** Directives whose lost `;` nginx rejects (a lost `;` after `index` would silently swallow the next line). */
const BREAKABLE = [
  "\tlisten 80 default_server;",
  "\tlisten [::]:80 default_server;",
  "\troot /var/www/html;",
  "\tserver_name _;",
  "\t\ttry_files $uri $uri/ =404;",
  "\t\taccess_log off;",
  "\t\tdefault_type text/plain;",
  '\t\treturn 200 "ok\\n";',
];

/** Debian's default site with the health check added after `location /`. */
export function siteWithHealthz(ticket: number): string {
  const stock = ETC_NGINX["sites-available/default"] ?? "";
  const anchor = "\t\ttry_files $uri $uri/ =404;\n\t}\n";
  return stock.replace(anchor, anchor + HEALTHZ.replace("{ticket}", String(ticket)));
}

function landing(company: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${company}</title>
<link rel="stylesheet" href="/style.css">
</head>
<body>
<header><h1>${company}</h1></header>
<main>
<p>Fresh roasted coffee, delivered every week.</p>
<p><a href="/shop/">Visit the shop</a></p>
</main>
</body>
</html>
`;
}

function build(seed: number): Host {
  const nowMs = Date.UTC(2026, 10, 24, 10, 5) + (seed % 83) * 60_000;
  const h = hash32("nginx-config-syntax", seed);
  const hostname = `${["www", "web", "front"][h % 3] ?? "web"}-0${1 + ((h >>> 8) % 4)}`;
  const state = createBaseHost({ seed, hostname, nowMs, rootGiB: 20 });
  const host = new Host(state);
  const boot = state.clock.bootMs;
  const installed = boot - randInt(state, 90, 300) * 86400_000;
  const company = randPick(state, ["Blue Kettle Coffee", "Northwind Roasters", "Harbor Bean Co.", "Copper Cup Coffee"]);
  const ticket = randInt(state, 1100, 4900);
  const broken = randPick(state, BREAKABLE);

  const unit = installNginx(host, { atMs: installed });
  unit.params = { ...unit.params, company };
  fs.createFile(state, fs.ROOT, "/var/www/html/index.html", landing(company), { mtimeMs: boot - 20 * 86400_000 });
  fs.createFile(state, fs.ROOT, "/var/www/html/style.css", "body { font-family: Georgia, serif; margin: 0 auto; max-width: 48em; }\n", { mtimeMs: boot - 20 * 86400_000 });
  fs.mkdir(state, fs.ROOT, "/var/www/html/shop", { mtimeMs: boot - 20 * 86400_000 });
  fs.createFile(state, fs.ROOT, "/var/www/html/shop/index.html", `<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Shop - ${company}</title></head>\n<body><h1>Shop</h1></body>\n</html>\n`, { mtimeMs: boot - 20 * 86400_000 });

  // Up since boot, serving the site.
  state.clock.nowMs = boot + 6_900;
  startUnit(host, unit);
  if (unit.activeState !== "active") throw new Error("nginx did not start while building the scenario");
  let access = "";
  for (let t = nowMs - 6 * 3600_000; t < nowMs - 20 * 60_000; t += randInt(state, 20, 400) * 1000) {
    const path = randPick(state, ["/", "/", "/shop/", "/style.css", "/favicon.ico"]);
    const status = path === "/favicon.ico" ? 404 : 200;
    const bytes = status === 404 ? 153 : path === "/" ? landing(company).length : path === "/style.css" ? 73 : 150 + company.length;
    access += `${randInt(state, 20, 220)}.${randInt(state, 1, 250)}.${randInt(state, 1, 250)}.${randInt(state, 1, 250)} - - [${accessLogTime(t)}] "GET ${path} HTTP/1.1" ${status} ${bytes} "-" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"\n`;
  }
  const accessLog = fs.resolve(state, fs.ROOT, "/var/log/nginx/access.log").inode;
  if (accessLog.kind === "file") accessLog.text = access;

  // The edit: health check added, one `;` lost, restart without nginx -t.
  const editAt = nowMs - randInt(state, 8, 16) * 60_000;
  const good = siteWithHealthz(ticket);
  const lines = good.split("\n");
  const at = lines.indexOf(broken);
  if (at < 0) throw new Error(`no line ${JSON.stringify(broken)} in the site`);
  lines[at] = broken.replace(/;$/, "");
  const site = fs.resolve(state, fs.ROOT, SITE).inode;
  state.clock.nowMs = editAt + 95_000;
  if (site.kind === "file") fs.writeInode(state, fs.ROOT, site, 0, lines.join("\n"), SITE);
  let sudoPid = randInt(state, 9_000, 20_000);
  const sudo = (cmd: string, when: number): void => {
    state.clock.nowMs = when;
    const pid = (sudoPid += randInt(state, 3, 60));
    host.log({ ident: "sudo", pid, unit: null, priority: 5, message: `   admin : TTY=pts/1 ; PWD=/home/admin ; USER=root ; COMMAND=${cmd}` });
    host.log({ ident: "sudo", pid, unit: null, priority: 6, message: "pam_unix(sudo:session): session opened for user root(uid=0) by admin(uid=1000)" });
    host.log({ ident: "sudo", pid, unit: null, priority: 6, message: "pam_unix(sudo:session): session closed for user root" });
  };
  sudo(`/usr/bin/vim ${SITE}`, editAt);
  sudo("/usr/bin/systemctl restart nginx", editAt + randInt(state, 100, 160) * 1000);
  restartUnit(host, unit);
  if ((unit.activeState as string) !== "failed") throw new Error("nginx restarted although its configuration is broken");
  state.clock.nowMs = nowMs;
  return host;
}

/** What `nginx -t` as root says about the configuration on disk now. */
function configError(host: Host): string | null {
  try {
    loadConf(hostConfFs(host.state, fs.ROOT));
    return null;
  } catch (e) {
    if (e instanceof ConfError) return e.message;
    throw e;
  }
}

function company(host: Host): string {
  return String(host.state.units["nginx.service"]?.params.company ?? "");
}

const configValid: Check = { name: "nginx -t passes", test: (host) => configError(host) === null };

const homePage: Check = {
  name: "The site's home page is served",
  test: (host) => {
    const res = httpLocal(host, 80, "/");
    return res !== null && res.status === 200 && res.headers.some(([k, v]) => k === "Server" && v.startsWith("nginx")) && res.body.includes(`<title>${company(host)}</title>`);
  },
};

const healthz: Check = {
  name: "The load balancer's health check answers",
  test: (host) => {
    const res = httpLocal(host, 80, "/healthz");
    return res !== null && res.status === 200 && res.body.trim() === "ok";
  },
};

/** Line (1-based) of the directive that lost its `;` in the file as built. */
export function brokenLine(host: Host): number {
  const found = fs.tryResolve(host.state, fs.ROOT, SITE);
  if (!found || found.inode.kind !== "file") return 0;
  const lines = fs.readFileRange(found.inode, 0, 1_000_000).split("\n");
  return lines.findIndex((l) => BREAKABLE.some((b) => l === b.replace(/;$/, ""))) + 1;
}

export const nginxConfigSyntax: ScenarioDefinition = {
  slug: "nginx-config-syntax",
  title: "The website is down after a config change",
  build,
  checks: [configValid, unitRunning("nginx.service", "nginx.service is running"), homePage, healthz],
  referenceFix: (host) => [
    `sudo sed -i '${brokenLine(host)}s/$/;/' ${SITE}`,
    "sudo nginx -t",
    "sudo systemctl restart nginx",
  ],
};

export { ENABLED as NGINX_ENABLED_SITE, SITE as NGINX_SITE };

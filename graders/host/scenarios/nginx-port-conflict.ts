import { createBaseHost } from "../state/debian.ts";
import * as fs from "../state/fs.ts";
import { Host } from "../state/host.ts";
import { hash32, randInt, randPick } from "../state/rng.ts";
import { groupByName } from "../state/users.ts";
import type { Proc } from "../state/types.ts";
import { startUnit } from "../services/systemd.ts";
import { startJob } from "../services/cron/jobs.ts";
import { installNginx } from "../programs/nginx/install.ts";
import { accessLogTime } from "../programs/nginx/logs.ts";
import { httpLocal } from "../net/http.ts";
import { unitRunning } from "./checks.ts";
import type { Check, ScenarioDefinition } from "./types.ts";

/**
 * nginx-port-conflict: the team's docs site is served by nginx on :80. A
 * while ago someone let `deploy` preview builds on the public port: a
 * sysctl.d file lowers net.ipv4.ip_unprivileged_port_start to 80, and
 * deploy's crontab starts `python3 -m http.server 80` @reboot. At the last
 * reboot cron ran that before nginx.service started, so nginx failed with
 * "bind() to 0.0.0.0:80 failed (98: Address already in use)" and visitors
 * get Python's directory listing of the build folder instead of the docs.
 *
 * Fixed means nginx runs and owns :80 again and serves the docs, and the
 * next reboot will not repeat it (the @reboot job no longer takes :80, or
 * unprivileged users may no longer bind it). Stopping nginx or moving the
 * docs to another port does not count.
 */

const DEPLOY_UID = 1001;
const DOCS_ROOT = "/var/www/docs";
const SITE = "/etc/nginx/sites-available/docs";

function siteText(names: string): string {
  return `# Team documentation, built by CI and rsynced to ${DOCS_ROOT}.
server {
	listen 80 default_server;
	listen [::]:80 default_server;

	server_name ${names};

	root ${DOCS_ROOT};
	index index.html;

	access_log /var/log/nginx/docs.access.log;

	location / {
		try_files $uri $uri/ =404;
	}

	location /assets/ {
		expires 7d;
	}
}
`;
}

function docsIndex(title: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<link rel="stylesheet" href="/assets/site.css">
</head>
<body>
<h1>${title}</h1>
<ul>
<li><a href="/runbooks/">Runbooks</a></li>
<li><a href="/onboarding/">Onboarding</a></li>
<li><a href="/architecture/">Architecture</a></li>
</ul>
</body>
</html>
`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const p2 = (n: number): string => String(n).padStart(2, "0");

/** http.server's request log time: "23/Nov/2026 06:54:59". */
function pyLogTime(ms: number): string {
  const d = new Date(ms);
  return `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()] ?? ""}/${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

/** ctime(3), as crontab(1) stamps an installed table: "Fri Nov  6 01:30:57 2026". */
function ctime(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()] ?? ""} ${MONTHS[d.getUTCMonth()] ?? ""} ${String(d.getUTCDate()).padStart(2, " ")} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

function marker(host: Host): string {
  return String(host.state.units["nginx.service"]?.params.docsTitle ?? "");
}

/** The persistent value of net.ipv4.ip_unprivileged_port_start: the last assignment in /etc/sysctl.d/*.conf and /etc/sysctl.conf. */
export function bootUnprivilegedPortStart(host: Host): number {
  const files: string[] = [];
  const dir = fs.tryResolve(host.state, fs.ROOT, "/etc/sysctl.d");
  if (dir?.inode.kind === "dir") files.push(...Object.keys(dir.inode.entries).filter((n) => n.endsWith(".conf")).sort().map((n) => `/etc/sysctl.d/${n}`));
  files.push("/etc/sysctl.conf");
  let value = 1024;
  for (const path of files) {
    const found = fs.tryResolve(host.state, fs.ROOT, path);
    if (found?.inode.kind !== "file") continue;
    for (const raw of fs.readFileRange(found.inode, 0, 100_000).split("\n")) {
      const m = /^\s*net[./]ipv4[./]ip_unprivileged_port_start\s*=\s*(\d+)\s*$/.exec(raw);
      if (m) value = Number(m[1]);
    }
  }
  return value;
}

/** Active crontab lines (users' and /etc/cron.d) that start a Python web server on port 80 at boot. */
export function rebootPort80Jobs(host: Host): string[] {
  const paths: string[] = [];
  for (const dir of ["/var/spool/cron/crontabs", "/etc/cron.d"]) {
    const found = fs.tryResolve(host.state, fs.ROOT, dir);
    if (found?.inode.kind === "dir") paths.push(...Object.keys(found.inode.entries).map((n) => `${dir}/${n}`));
  }
  paths.push("/etc/crontab");
  const hits: string[] = [];
  for (const path of paths) {
    const found = fs.tryResolve(host.state, fs.ROOT, path);
    if (found?.inode.kind !== "file") continue;
    for (const line of fs.readFileRange(found.inode, 0, 100_000).split("\n")) {
      if (/^\s*@reboot\b/.test(line) && /http\.server\s+(--bind\s+\S+\s+)?80\b/.test(line)) hits.push(line);
    }
  }
  return hits;
}

/** The process that holds 0.0.0.0:80, as ss -tlnp would show it. */
function port80Owner(host: Host): Proc | undefined {
  return Object.values(host.state.procs).find((p) => p.state !== "Z" && Object.values(p.fds).some((fd) =>
    fd.kind === "socket" && fd.proto === "TCP" && fd.state === "LISTEN" && fd.localPort === 80 && !(fd.localAddr ?? "0.0.0.0").includes(":")));
}

function build(seed: number): Host {
  const nowMs = Date.UTC(2026, 10, 23, 8, 40) + (seed % 97) * 60_000;
  const h = hash32("nginx-port-conflict", seed);
  const hostname = `${["docs", "wiki", "intranet", "kb"][h % 4] ?? "docs"}-web-0${1 + ((h >>> 8) % 4)}`;
  const state = createBaseHost({
    seed, hostname, nowMs, rootGiB: 20,
    extraUsers: [{ name: "deploy", uid: DEPLOY_UID, gid: DEPLOY_UID, gecos: "Deploy,,,", home: "/home/deploy", shell: "/bin/bash" }],
    extraGroups: [{ name: "deploy", gid: DEPLOY_UID, members: [] }],
  });
  const host = new Host(state);
  const boot = state.clock.bootMs;
  const installed = boot - randInt(state, 120, 400) * 86400_000;
  const tweakedAt = boot - randInt(state, 10, 40) * 86400_000;
  const title = randPick(state, ["Platform Team Docs", "Ops Handbook", "Engineering Wiki", "SRE Runbooks"]);
  const names = randPick(state, ["docs.internal docs", "wiki.corp.internal wiki", "kb.internal kb"]);
  const buildDir = randPick(state, ["site-build", "docs-preview", "public", "_site"]);
  const sysctlFile = randPick(state, ["60-unprivileged-ports.conf", "99-preview.conf", "50-deploy-ports.conf"]);

  // nginx with the docs site enabled instead of Debian's default one.
  const unit = installNginx(host, { atMs: installed });
  unit.params = { ...unit.params, docsTitle: title };
  fs.createFile(state, fs.ROOT, SITE, siteText(names), { mtimeMs: installed + 3_600_000 });
  fs.unlink(state, fs.ROOT, "/etc/nginx/sites-enabled/default");
  fs.symlink(state, fs.ROOT, SITE, "/etc/nginx/sites-enabled/docs", { mtimeMs: installed + 3_600_000 });
  fs.mkdir(state, fs.ROOT, DOCS_ROOT, { mtimeMs: installed });
  fs.createFile(state, fs.ROOT, `${DOCS_ROOT}/index.html`, docsIndex(title), { mtimeMs: boot - 2 * 86400_000 });
  for (const dir of ["runbooks", "onboarding", "architecture", "assets"]) fs.mkdir(state, fs.ROOT, `${DOCS_ROOT}/${dir}`, { mtimeMs: boot - 2 * 86400_000 });
  fs.createFile(state, fs.ROOT, `${DOCS_ROOT}/runbooks/index.html`, `<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Runbooks - ${title}</title></head>\n<body><h1>Runbooks</h1></body>\n</html>\n`, { mtimeMs: boot - 2 * 86400_000 });
  fs.createFile(state, fs.ROOT, `${DOCS_ROOT}/assets/site.css`, "body { font-family: sans-serif; max-width: 60em; margin: 0 auto; }\n", { mtimeMs: boot - 2 * 86400_000 });
  // Last week's traffic, up to the reboot.
  let access = "";
  for (let t = boot - 3 * 3600_000; t < boot - 120_000; t += randInt(state, 60, 900) * 1000) {
    const path = randPick(state, ["/", "/runbooks/", "/onboarding/", "/assets/site.css", "/architecture/"]);
    const bytes = path === "/assets/site.css" ? 68 : path === "/" ? docsIndex(title).length : 160 + randInt(state, 0, 40);
    access += `10.0.${randInt(state, 2, 9)}.${randInt(state, 10, 250)} - - [${accessLogTime(t)}] "GET ${path} HTTP/1.1" 200 ${bytes} "-" "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"\n`;
  }
  fs.createFile(state, fs.ROOT, "/var/log/nginx/docs.access.log", access, { uid: 33, gid: 4, mode: 0o640, mtimeMs: boot - 120_000 });

  // The preview setup: a build folder, unprivileged ports from 80 up, and an @reboot job.
  fs.mkdir(state, fs.ROOT, "/home/deploy", { uid: DEPLOY_UID, gid: DEPLOY_UID, mode: 0o750, mtimeMs: tweakedAt });
  const home = (p: string, text: string | null, at = tweakedAt): void => {
    if (text === null) fs.mkdir(state, fs.ROOT, `/home/deploy/${p}`, { uid: DEPLOY_UID, gid: DEPLOY_UID, mtimeMs: at });
    else fs.createFile(state, fs.ROOT, `/home/deploy/${p}`, text, { uid: DEPLOY_UID, gid: DEPLOY_UID, mode: 0o644, mtimeMs: at });
  };
  home(".bashrc", "# ~/.bashrc: executed by bash(1) for non-login shells.\n");
  home(".profile", "# ~/.profile: executed by the command interpreter for login shells.\n");
  home(buildDir, null);
  for (const dir of ["assets", "runbooks", "onboarding"]) home(`${buildDir}/${dir}`, null);
  home(`${buildDir}/search-index.json`, `{"version":2,"docs":${randInt(state, 120, 400)}}\n`);
  home(`${buildDir}/sitemap.xml`, `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n`);
  home(`${buildDir}/build.log`, `Building docs... done in ${randInt(state, 12, 90)}s\n`);
  home(".bash_history", `cd ~/${buildDir}\npython3 -m http.server 8000\npython3 -m http.server 80\nsudo sysctl -w net.ipv4.ip_unprivileged_port_start=80\npython3 -m http.server 80\ncrontab -e\ncrontab -l\n`);
  if (!fs.tryResolve(state, fs.ROOT, "/etc/sysctl.d")) {
    // procps on Debian 12: /etc/sysctl.conf (all comments) linked in as the last sysctl.d file.
    fs.mkdir(state, fs.ROOT, "/etc/sysctl.d", { mtimeMs: installed });
    fs.createFile(state, fs.ROOT, "/etc/sysctl.conf", "#\n# /etc/sysctl.conf - Configuration file for setting system variables\n# See /etc/sysctl.d/ for additional system variables.\n# See sysctl.conf (5) for information.\n#\n\n#kernel.domainname = example.com\n", { mtimeMs: installed });
    fs.symlink(state, fs.ROOT, "../sysctl.conf", "/etc/sysctl.d/99-sysctl.conf", { mtimeMs: installed });
  }
  fs.createFile(state, fs.ROOT, `/etc/sysctl.d/${sysctlFile}`, "# Let deploy preview docs builds on the public port (OPS-2291).\nnet.ipv4.ip_unprivileged_port_start = 80\n", { mtimeMs: tweakedAt });
  state.sysctl = { ...(state.sysctl ?? {}), "net.ipv4.ip_unprivileged_port_start": "80" };
  const command = `cd /home/deploy/${buildDir} && python3 -m http.server 80 >> /home/deploy/preview.log 2>&1`;
  const crontabGid = groupByName(state, "crontab")?.gid ?? 0;
  fs.createFile(state, fs.ROOT, "/var/spool/cron/crontabs/deploy",
    `# DO NOT EDIT THIS FILE - edit the master and reinstall.\n# (/tmp/crontab.Xq2b1F/crontab installed on ${ctime(tweakedAt)})\n# (Cron version -- $Id: crontab.c,v 2.13 1994/01/17 03:20:37 vixie Exp $)\n# m h  dom mon dow   command\n@reboot ${command}\n`,
    { uid: DEPLOY_UID, gid: crontabGid, mode: 0o600, mtimeMs: tweakedAt });
  fs.createFile(state, fs.ROOT, "/home/deploy/preview.log", "", { uid: DEPLOY_UID, gid: DEPLOY_UID, mode: 0o644, mtimeMs: tweakedAt });

  // The reboot: cron runs @reboot jobs at once, nginx.service comes a second later and cannot bind.
  state.execs = { ...(state.execs ?? {}), "/usr/bin/python3.11": { program: "python-http-server", params: { port: 80, cpuShare: 0.000004 } } };
  const cron = Object.values(state.procs).find((p) => p.comm === "cron");
  if (!cron) throw new Error("no cron daemon on the base host");
  state.clock.nowMs = boot + 5_450;
  startJob(host, cron, "deploy", command, {});
  const py = Object.values(state.procs).find((p) => p.comm === "python3.11" && p.uid === DEPLOY_UID);
  if (!py) throw new Error("the @reboot preview server did not start");
  const log = fs.resolve(state, fs.ROOT, "/home/deploy/preview.log").inode;
  py.comm = "python3";
  py.argv = ["python3", "-m", "http.server", "80"];
  py.cwd = `/home/deploy/${buildDir}`;
  py.rssKb = randInt(state, 17_000, 19_000);
  py.vszKb = 29_000 + randInt(state, 0, 800);
  py.fds = { ...py.fds, "0": { kind: "chr", path: "/dev/null", mode: "r" }, "1": { kind: "file", ino: log.ino, path: "/home/deploy/preview.log", mode: "a", offset: 0 }, "2": { kind: "file", ino: log.ino, path: "/home/deploy/preview.log", mode: "a", offset: 0 } };
  if (log.kind === "file") log.text = "Serving HTTP on 0.0.0.0 port 80 (http://0.0.0.0:80/) ...\n";
  state.clock.nowMs = boot + 6_950;
  startUnit(host, unit);
  if (unit.activeState !== "failed") throw new Error("nginx.service started although :80 was taken");
  // Since then colleagues have been getting the directory listing.
  let visits = "";
  for (let t = boot + randInt(state, 600, 3600) * 1000; t < nowMs - 60_000; t += randInt(state, 1800, 5 * 3600) * 1000) {
    const client = `10.0.${randInt(state, 2, 9)}.${randInt(state, 10, 250)}`;
    const path = randPick(state, ["/", "/", "/runbooks/", "/favicon.ico"]);
    const when = pyLogTime(t);
    if (path === "/favicon.ico") visits += `${client} - - [${when}] code 404, message File not found\n`;
    visits += `${client} - - [${when}] "GET ${path} HTTP/1.1" ${path === "/favicon.ico" ? 404 : 200} -\n`;
  }
  if (log.kind === "file") log.text += visits;
  state.clock.nowMs = nowMs;
  return host;
}

const servesDocs: Check = {
  name: "The docs site is served by nginx on port 80",
  test: (host) => {
    const owner = port80Owner(host);
    if (!owner || owner.unit !== "nginx.service") return false;
    const res = httpLocal(host, 80, "/");
    return res !== null && res.status === 200 && res.headers.some(([k, v]) => k === "Server" && v.startsWith("nginx")) && res.body.includes(marker(host));
  },
};

const survivesReboot: Check = {
  name: "Port 80 is still nginx's after the next reboot",
  test: (host) => rebootPort80Jobs(host).length === 0 || bootUnprivilegedPortStart(host) > 80,
};

export const nginxPortConflict: ScenarioDefinition = {
  slug: "nginx-port-conflict",
  title: "The docs site shows a directory listing",
  build,
  checks: [unitRunning("nginx.service", "nginx.service is running"), servesDocs, survivesReboot],
  referenceFix: (host) => {
    const py = Object.values(host.state.procs).find((p) => p.comm === "python3" && p.argv.includes("http.server"));
    return [
      "sudo sed -i 's/^@reboot/#@reboot/' /var/spool/cron/crontabs/deploy",
      `sudo kill ${py?.pid ?? 0}`,
      "sudo systemctl start nginx",
    ];
  },
};

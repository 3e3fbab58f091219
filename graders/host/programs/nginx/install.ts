import * as fs from "../../state/fs.ts";
import type { Host } from "../../state/host.ts";
import type { Unit } from "../../state/types.ts";
import { installUnit } from "../../services/units.ts";
import { DEBIAN_INDEX, ETC_NGINX, NGINX_SERVICE } from "./debian-files.ts";

/**
 * `apt install nginx` on Debian 12: the package's files, owners and modes
 * (/etc/nginx with sites-enabled/default a symlink into sites-available,
 * /var/log/nginx root:adm with www-data-owned logs, /var/lib/nginx, the
 * welcome page) and nginx.service, enabled. Starting it is the caller's
 * business, so a scenario can choose when (and whether it works).
 */

const ADM = 4;
const WWW = 33;

export interface NginxInstall {
  /** When the package was installed (file mtimes). */
  atMs: number;
  /** Replaces /etc/nginx/sites-available/default (still symlinked from sites-enabled). */
  defaultSite?: string;
}

function mkdirs(host: Host, path: string, mtimeMs: number, mode = 0o755, uid = 0, gid = 0): void {
  let prefix = "";
  for (const part of path.split("/").filter(Boolean)) {
    prefix += `/${part}`;
    if (!fs.tryResolve(host.state, fs.ROOT, prefix)) fs.mkdir(host.state, fs.ROOT, prefix, { mtimeMs, mode, uid, gid });
  }
}

export function installNginx(host: Host, opts: NginxInstall): Unit {
  const at = opts.atMs;
  const state = host.state;
  for (const dir of ["/etc/nginx/conf.d", "/etc/nginx/modules-available", "/etc/nginx/modules-enabled", "/etc/nginx/sites-available", "/etc/nginx/sites-enabled", "/etc/nginx/snippets", "/usr/share/nginx/html", "/var/www/html"]) {
    mkdirs(host, dir, at);
  }
  for (const [name, text] of Object.entries(ETC_NGINX)) {
    const content = name === "sites-available/default" && opts.defaultSite !== undefined ? opts.defaultSite : text;
    fs.createFile(state, fs.ROOT, `/etc/nginx/${name}`, content, { mtimeMs: at });
  }
  fs.symlink(state, fs.ROOT, "/etc/nginx/sites-available/default", "/etc/nginx/sites-enabled/default", { mtimeMs: at });
  fs.createFile(state, fs.ROOT, "/var/www/html/index.nginx-debian.html", DEBIAN_INDEX, { mtimeMs: at });
  fs.createFile(state, fs.ROOT, "/usr/share/nginx/html/index.html", DEBIAN_INDEX, { mtimeMs: at });
  mkdirs(host, "/var/lib/nginx", at);
  for (const sub of ["body", "fastcgi", "proxy", "scgi", "uwsgi"]) fs.mkdir(state, fs.ROOT, `/var/lib/nginx/${sub}`, { mode: 0o700, uid: WWW, gid: 0, mtimeMs: at });
  if (!fs.tryResolve(state, fs.ROOT, "/var/log/nginx")) fs.mkdir(state, fs.ROOT, "/var/log/nginx", { mode: 0o755, uid: 0, gid: ADM, mtimeMs: at });
  for (const log of ["access.log", "error.log"]) {
    if (!fs.tryResolve(state, fs.ROOT, `/var/log/nginx/${log}`)) fs.createFile(state, fs.ROOT, `/var/log/nginx/${log}`, "", { mode: 0o640, uid: WWW, gid: ADM, mtimeMs: at });
  }
  const bin = fs.createFile(state, fs.ROOT, "/usr/sbin/nginx", "", { mode: 0o755, mtimeMs: at });
  bin.genBytes = 1_285_072;
  mkdirs(host, "/usr/sbin", at);
  mkdirs(host, "/etc/systemd/system/multi-user.target.wants", at);
  const unit = installUnit(host, { name: "nginx.service", path: "/lib/systemd/system/nginx.service", text: NGINX_SERVICE, program: "nginx", mtimeMs: at, memoryKb: 6_000 });
  fs.symlink(state, fs.ROOT, "/lib/systemd/system/nginx.service", "/etc/systemd/system/multi-user.target.wants/nginx.service", { mtimeMs: at });
  return unit;
}

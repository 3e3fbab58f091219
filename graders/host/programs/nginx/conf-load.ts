import { ConfError, parseConf, type ConfFs, type Directive } from "./conf-parse.ts";
import { parseListen, type ListenAddr } from "./conf-check.ts";
import { pem } from "../../net/tls/der.ts";
import { certsInPem, keyModulus, sameBytes } from "../../net/tls/x509.ts";

/**
 * A parsed configuration turned into what the running nginx uses: servers
 * with their listen sockets and locations, each location carrying the
 * settings it inherits from server and http (root, index, default_type,
 * access_log, add_header). Plain JSON, so the master process can keep the
 * configuration it loaded in the host state across save and restore.
 */

export interface NgxLocation {
  /** "", "=", "^~", "~", "~*"; the server-level fallback is path "" with mod "". */
  mod: string;
  path: string;
  root: string;
  alias?: string;
  index: string[];
  tryFiles?: string[];
  ret?: { code: number; text: string };
  proxyPass?: string;
  accessLog: string | null;
  defaultType: string;
  autoindex: boolean;
  headers: [string, string][];
  serverTokens: boolean;
}

export interface NgxListen extends ListenAddr {
  def: boolean;
  ssl: boolean;
}

export interface NgxServer {
  listens: NgxListen[];
  names: string[];
  locations: NgxLocation[];
  fallback: NgxLocation;
  sslCertificate?: string;
  sslCertificateKey?: string;
  /** The certificates nginx loaded from ssl_certificate (PEM, leaf first): what it presents until the next reload. */
  tlsChain?: string;
  file: string;
  line: number;
}

export interface NgxConf {
  user: string;
  group: string;
  workers: string;
  pid: string;
  errorLog: string;
  servers: NgxServer[];
  types: Record<string, string>;
}

export const NGINX_CONF = "/etc/nginx/nginx.conf";
const DEFAULT_ERROR_LOG = "/var/log/nginx/error.log";

type Settings = Omit<NgxLocation, "mod" | "path">;

function apply(base: Settings, dirs: Directive[]): Settings {
  const s: Settings = { ...base, index: [...base.index] };
  const ownHeaders: [string, string][] = [];
  let indexSet = false;
  for (const d of dirs) {
    const a = d.args;
    if (d.name === "root") s.root = a[0] ?? s.root;
    else if (d.name === "alias") s.alias = a[0] ?? "";
    else if (d.name === "index") {
      if (!indexSet) s.index = [];
      indexSet = true;
      s.index.push(...a);
    } else if (d.name === "default_type") s.defaultType = a[0] ?? s.defaultType;
    else if (d.name === "access_log") s.accessLog = a[0] === "off" ? null : (a[0] ?? null);
    else if (d.name === "autoindex") s.autoindex = a[0] === "on";
    else if (d.name === "server_tokens") s.serverTokens = a[0] !== "off";
    else if (d.name === "add_header") ownHeaders.push([a[0] ?? "", a[1] ?? ""]);
    else if (d.name === "try_files") s.tryFiles = [...a];
    else if (d.name === "proxy_pass") s.proxyPass = a[0] ?? "";
    else if (d.name === "return") {
      const code = /^\d+$/.test(a[0] ?? "") ? Number(a[0]) : 302;
      s.ret = { code, text: /^\d+$/.test(a[0] ?? "") ? (a[1] ?? "") : (a[0] ?? "") };
    }
  }
  // add_header is inherited only by levels that define none of their own.
  if (ownHeaders.length) s.headers = ownHeaders;
  return s;
}

/** Settings a location may not inherit from its server (handlers are per location). */
function inheritable(s: Settings): Settings {
  const { tryFiles: _t, proxyPass: _p, ret: _r, alias: _a, ...rest } = s;
  return rest;
}

/** SSL_CTX_use_certificate_chain_file + SSL_CTX_use_PrivateKey, with nginx's and OpenSSL 3.0's error texts. */
function loadCertificate(fsys: ConfFs, certPath: string, keyPath: string): string {
  const open = (what: string, path: string): string => {
    const got = fsys.read(path);
    if ("text" in got) return got.text;
    const lib = got.errno === 2
      ? `error:80000002:system library::No such file or directory:calling fopen(${path}, r) error:10000080:BIO routines::no such file`
      : `error:8000000D:system library::Permission denied:calling fopen(${path}, r) error:10080002:BIO routines::system lib`;
    throw new ConfError(`cannot load ${what} "${path}": BIO_new_file() failed (SSL: ${lib})`);
  };
  const chainText = open("certificate", certPath);
  const certs = certsInPem(chainText);
  if (certs.length === 0) {
    throw new ConfError(`cannot load certificate "${certPath}": PEM_read_bio_X509_AUX() failed (SSL: error:0480006C:PEM routines::no start line:Expecting: TRUSTED CERTIFICATE)`);
  }
  const keyText = open("certificate key", keyPath);
  const mod = keyModulus(keyText);
  if (!mod) {
    throw new ConfError(`cannot load certificate key "${keyPath}": PEM_read_bio_PrivateKey() failed (SSL: error:1E08010C:DECODER routines::unsupported:No supported data to decode. Input type: PEM)`);
  }
  if (!sameBytes(mod, certs[0]!.modulus)) {
    throw new ConfError(`SSL_CTX_use_PrivateKey("${keyPath}") failed (SSL: error:05800074:x509 certificate routines::key values mismatch)`);
  }
  return certs.map((c) => pem("CERTIFICATE", c.der)).join("");
}

function loadServer(fsys: ConfFs, http: Settings & { sslCertificate?: string; sslCertificateKey?: string }, d: Directive): NgxServer {
  const body = d.block ?? [];
  const srv = apply(http, body);
  const listens: NgxListen[] = [];
  for (const l of body.filter((x) => x.name === "listen")) {
    const parsed = parseListen(l.args[0] ?? "");
    if (typeof parsed === "string") throw new ConfError(`${parsed} in ${l.file}:${l.line}`);
    if (listens.some((o) => o.addr === parsed.addr && o.port === parsed.port && o.v6 === parsed.v6)) {
      throw new ConfError(`a duplicate listen ${parsed.v6 ? `[${parsed.addr}]` : parsed.addr}:${parsed.port} in ${l.file}:${l.line}`);
    }
    listens.push({ ...parsed, def: l.args.includes("default_server") || l.args.includes("default"), ssl: l.args.includes("ssl") });
  }
  // No listen at all: nginx running as root listens on *:80.
  if (listens.length === 0) listens.push({ addr: "0.0.0.0", port: 80, v6: false, def: false, ssl: false });
  const locations: NgxLocation[] = [];
  const visit = (dirs: Directive[], parent: Settings): void => {
    for (const loc of dirs.filter((x) => x.name === "location")) {
      const [mod, path] = loc.args.length === 2 ? [loc.args[0] ?? "", loc.args[1] ?? ""] : ["", loc.args[0] ?? ""];
      const s = apply(inheritable(parent), loc.block ?? []);
      locations.push({ mod, path, ...s });
      visit(loc.block ?? [], s);
    }
  };
  visit(body, srv);
  const names = body.filter((x) => x.name === "server_name").flatMap((x) => x.args);
  const cert = body.find((x) => x.name === "ssl_certificate")?.args[0] ?? http.sslCertificate;
  const key = body.find((x) => x.name === "ssl_certificate_key")?.args[0] ?? http.sslCertificateKey;
  const sslListen = body.find((x) => x.name === "listen" && x.args.includes("ssl"));
  let tlsChain: string | undefined;
  if (sslListen) {
    if (!cert) throw new ConfError(`no "ssl_certificate" is defined for the "listen ... ssl" directive in ${sslListen.file}:${sslListen.line}`);
    if (!key) throw new ConfError(`no "ssl_certificate_key" is defined for certificate "${cert}"`);
    tlsChain = loadCertificate(fsys, cert.startsWith("/") ? cert : `/etc/nginx/${cert}`, key.startsWith("/") ? key : `/etc/nginx/${key}`);
  }
  return {
    listens, names: names.length ? names : [""], locations, fallback: { mod: "", path: "", ...srv },
    ...(cert ? { sslCertificate: cert } : {}), ...(key ? { sslCertificateKey: key } : {}), ...(tlsChain ? { tlsChain } : {}), file: d.file, line: d.line,
  };
}

export interface LoadResult {
  conf: NgxConf;
  files: { path: string; text: string }[];
  tree: Directive[];
}

/** Read and check the whole configuration; throws ConfError with nginx's message. */
export function loadConf(fsys: ConfFs, path = NGINX_CONF): LoadResult {
  const { tree, files } = parseConf(fsys, path);
  const user = tree.find((d) => d.name === "user");
  const http = tree.find((d) => d.name === "http");
  const httpBody = http?.block ?? [];
  const base: Settings = {
    root: "html", index: ["index.html"], accessLog: "/var/log/nginx/access.log", defaultType: "text/plain",
    autoindex: false, headers: [], serverTokens: true,
  };
  const httpSettings = inheritable(apply(base, httpBody));
  const httpCert = httpBody.find((d) => d.name === "ssl_certificate")?.args[0];
  const httpKey = httpBody.find((d) => d.name === "ssl_certificate_key")?.args[0];
  const tlsDefaults = { ...(httpCert ? { sslCertificate: httpCert } : {}), ...(httpKey ? { sslCertificateKey: httpKey } : {}) };
  const servers = httpBody.filter((d) => d.name === "server").map((d) => loadServer(fsys, { ...httpSettings, ...tlsDefaults }, d));
  // ngx_http_add_addresses: two default servers on one address:port.
  const defaults = new Map<string, true>();
  for (const srv of servers) {
    const listenDirs = (httpBody.find((d) => d.file === srv.file && d.line === srv.line)?.block ?? []).filter((x) => x.name === "listen");
    srv.listens.forEach((l, i) => {
      if (!l.def) return;
      const key = l.v6 ? `[${l.addr}]:${l.port}` : `${l.addr}:${l.port}`;
      const at = listenDirs[i];
      if (defaults.has(key)) throw new ConfError(`a duplicate default server for ${key} in ${at?.file ?? srv.file}:${at?.line ?? srv.line}`);
      defaults.set(key, true);
    });
  }
  const types: Record<string, string> = {};
  for (const t of httpBody.filter((d) => d.name === "types")) {
    for (const entry of t.block ?? []) for (const ext of entry.args) types[ext] = entry.name;
  }
  const errorLog = tree.find((d) => d.name === "error_log")?.args[0] ?? httpBody.find((d) => d.name === "error_log")?.args[0] ?? DEFAULT_ERROR_LOG;
  return {
    conf: {
      user: user?.args[0] ?? "nobody", group: user?.args[1] ?? user?.args[0] ?? "nogroup",
      workers: tree.find((d) => d.name === "worker_processes")?.args[0] ?? "1",
      pid: tree.find((d) => d.name === "pid")?.args[0] ?? "/run/nginx.pid",
      errorLog, servers, types,
    },
    files, tree,
  };
}

/** Every distinct socket the servers listen on, in the order nginx opens them. */
export function listenSockets(conf: NgxConf): NgxListen[] {
  const out: NgxListen[] = [];
  for (const srv of conf.servers) {
    for (const l of srv.listens) {
      if (!out.some((o) => o.addr === l.addr && o.port === l.port && o.v6 === l.v6)) out.push(l);
    }
  }
  return out;
}

import * as fs from "../../state/fs.ts";
import { isSysError } from "../../state/errors.ts";
import { credFor, userByName } from "../../state/users.ts";
import type { Cred } from "../../state/fs.ts";
import type { Host } from "../../state/host.ts";
import type { FileInode, Proc } from "../../state/types.ts";
import { httpLocal } from "../../net/http.ts";
import type { HttpRequest, HttpResponse } from "../types.ts";
import type { NgxConf, NgxLocation, NgxServer } from "./conf-load.ts";
import { appendTo } from "./host-fs.ts";
import { accessLogTime, errorLogLine } from "./logs.ts";
import { httpDate } from "./http-date.ts";

/**
 * One HTTP request through the configuration the master loaded: server by
 * port and Host, location as nginx picks it (exact, longest prefix, ^~,
 * regexes in order), then return / proxy_pass / try_files / static files
 * read with the worker's credentials. Errors get nginx's own error pages and
 * error.log lines; every request gets a combined-format access log line.
 */

const VERSION = "nginx/1.22.1";
const REASONS: Record<number, string> = {
  200: "OK", 201: "Created", 204: "No Content", 301: "Moved Permanently", 302: "Moved Temporarily", 303: "See Other", 304: "Not Modified",
  307: "Temporary Redirect", 308: "Permanent Redirect", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
  405: "Not Allowed", 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Temporarily Unavailable", 504: "Gateway Time-out",
};

interface Ctx {
  host: Host;
  master: Proc;
  worker: Proc;
  conf: NgxConf;
  server: NgxServer;
  req: HttpRequest;
  cred: Cred;
  conn: number;
}

function serverName(srv: NgxServer): string {
  return srv.names[0] ?? "";
}

function errorLog(c: Ctx, message: string): void {
  const tail = `, client: 127.0.0.1, server: ${serverName(c.server)}, request: "${c.req.method} ${c.req.path} HTTP/1.1", host: "${c.req.host}"`;
  appendTo(c.host.state, c.conf.errorLog, errorLogLine(c.host.now, "error", c.worker.pid, `*${c.conn} ${message}${tail}`));
}

function baseHeaders(c: Ctx, loc: NgxLocation): [string, string][] {
  return [["Server", loc.serverTokens ? VERSION : "nginx"], ["Date", httpDate(c.host.now)]];
}

/** nginx's built-in error page, CRLF line ends included. */
export function errorPage(status: number, tokens = true): string {
  const line = `${status} ${REASONS[status] ?? ""}`;
  return `<html>\r\n<head><title>${line}</title></head>\r\n<body>\r\n<center><h1>${line}</h1></center>\r\n<hr><center>${tokens ? VERSION : "nginx"}</center>\r\n</body>\r\n</html>\r\n`;
}

function errorResponse(c: Ctx, loc: NgxLocation, status: number, extra: [string, string][] = []): HttpResponse {
  const body = errorPage(status, loc.serverTokens);
  return {
    status, reason: REASONS[status] ?? "",
    headers: [...baseHeaders(c, loc), ["Content-Type", "text/html"], ["Content-Length", String(body.length)], ...extra, ["Connection", "keep-alive"], ...addHeaders(loc, status)],
    body,
  };
}

/** add_header applies to successful and redirect responses unless marked "always". */
function addHeaders(loc: NgxLocation, status: number): [string, string][] {
  const ok = [200, 201, 204, 206, 301, 302, 303, 304, 307, 308].includes(status);
  return ok ? loc.headers : [];
}

function pickServer(conf: NgxConf, req: HttpRequest): NgxServer | undefined {
  const onPort = conf.servers.filter((s) => s.listens.some((l) => l.port === req.port));
  return onPort.find((s) => s.names.includes(req.host)) ?? onPort.find((s) => s.listens.some((l) => l.port === req.port && l.def)) ?? onPort[0];
}

export function pickLocation(srv: NgxServer, uri: string): NgxLocation {
  const exact = srv.locations.find((l) => l.mod === "=" && l.path === uri);
  if (exact) return exact;
  let best: NgxLocation | undefined;
  for (const l of srv.locations) {
    if ((l.mod === "" || l.mod === "^~") && uri.startsWith(l.path) && (!best || l.path.length > best.path.length)) best = l;
  }
  if (best?.mod === "^~") return best;
  for (const l of srv.locations) {
    if (l.mod !== "~" && l.mod !== "~*") continue;
    try {
      if (new RegExp(l.path, l.mod === "~*" ? "i" : "").test(uri)) return l;
    } catch {
      // PCRE syntax JavaScript does not know never matches here.
    }
  }
  return best ?? srv.fallback;
}

function fsPath(loc: NgxLocation, uri: string): string {
  if (loc.alias !== undefined) return loc.alias + uri.slice(loc.path.length);
  const root = loc.root.startsWith("/") ? loc.root : `/usr/share/nginx/${loc.root}`;
  return root.replace(/\/$/, "") + uri;
}

type Found = { kind: "file"; inode: FileInode; path: string } | { kind: "dir"; path: string } | { kind: "error"; errno: number; text: string; path: string };

function look(c: Ctx, path: string): Found {
  try {
    const { inode } = fs.resolve(c.host.state, c.cred, path);
    if (inode.kind === "dir") return { kind: "dir", path };
    if (inode.kind !== "file") return { kind: "error", errno: 13, text: "Permission denied", path };
    if (!fs.permits(inode, c.cred, 4)) return { kind: "error", errno: 13, text: "Permission denied", path };
    return { kind: "file", inode, path };
  } catch (e) {
    if (!isSysError(e)) throw e;
    return { kind: "error", errno: e.code === "ENOENT" ? 2 : e.code === "ENOTDIR" ? 20 : 13, text: e.text, path };
  }
}

function contentType(conf: NgxConf, loc: NgxLocation, path: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  return (ext && conf.types[ext]) || loc.defaultType;
}

function serveFile(c: Ctx, loc: NgxLocation, file: FileInode, path: string): HttpResponse {
  const size = file.genBytes + file.text.length;
  const body = c.req.method === "HEAD" ? "" : fs.readFileRange(file, 0, Math.min(size, 2_000_000));
  const etag = `"${Math.floor(file.mtimeMs / 1000).toString(16)}-${size.toString(16)}"`;
  return {
    status: 200, reason: "OK",
    headers: [
      ...baseHeaders(c, loc), ["Content-Type", contentType(c.conf, loc, path)], ["Content-Length", String(size)],
      ["Last-Modified", httpDate(file.mtimeMs)], ["Connection", "keep-alive"], ["ETag", etag], ["Accept-Ranges", "bytes"], ...addHeaders(loc, 200),
    ],
    body,
  };
}

/** The index module: first index file that exists; none is 403 unless autoindex is on. */
function serveDirectory(c: Ctx, loc: NgxLocation, dirPath: string, uri: string, logMissing: boolean): HttpResponse {
  for (const name of loc.index) {
    const f = look(c, `${dirPath.replace(/\/$/, "")}/${name}`);
    if (f.kind === "file") return serveFile(c, loc, f.inode, f.path);
  }
  if (loc.autoindex) return errorResponse(c, loc, 403);
  if (logMissing) errorLog(c, `directory index of "${dirPath.replace(/\/?$/, "/")}" is forbidden`);
  void uri;
  return errorResponse(c, loc, 403);
}

function serveStatic(c: Ctx, loc: NgxLocation, uri: string): HttpResponse {
  const path = fsPath(loc, uri);
  const f = look(c, path);
  if (f.kind === "file") return serveFile(c, loc, f.inode, f.path);
  if (f.kind === "dir") {
    if (!uri.endsWith("/")) return errorResponse(c, loc, 301, [["Location", `http://${c.req.host}${c.req.port === 80 ? "" : `:${c.req.port}`}${uri}/`]]);
    return serveDirectory(c, loc, path, uri, true);
  }
  errorLog(c, `open() "${path}" failed (${f.errno}: ${f.text})`);
  return errorResponse(c, loc, f.errno === 2 || f.errno === 20 ? 404 : 403);
}

function tryFiles(c: Ctx, loc: NgxLocation, uri: string, list: string[], depth: number): HttpResponse {
  const candidates = list.slice(0, -1);
  const last = list[list.length - 1] ?? "=404";
  for (const raw of candidates) {
    const t = raw.replace(/\$uri/g, uri);
    const path = fsPath(loc, t);
    const f = look(c, path);
    if (t.endsWith("/") && f.kind === "dir") return serveDirectory(c, loc, path, t, true);
    if (!t.endsWith("/") && f.kind === "file") return serveFile(c, loc, f.inode, f.path);
  }
  const code = /^=(\d+)$/.exec(last);
  if (code) return errorResponse(c, loc, Number(code[1]));
  if (depth > 10) return errorResponse(c, loc, 500);
  return route(c, last.replace(/\$uri/g, uri), depth + 1);
}

function proxy(c: Ctx, loc: NgxLocation, uri: string): HttpResponse {
  const m = /^https?:\/\/([^/:]+)(?::(\d+))?(\/.*)?$/.exec(loc.proxyPass ?? "");
  const port = Number(m?.[2] ?? 80);
  const path = m?.[3] ? m[3] + uri.slice(loc.path.length) : uri;
  const local = ["127.0.0.1", "localhost", "[::1]"].includes(m?.[1] ?? "");
  const res = local ? httpLocal(c.host, port, path, c.req.method) : null;
  if (!res) {
    errorLog(c, `connect() failed (111: Connection refused) while connecting to upstream`);
    return errorResponse(c, loc, 502);
  }
  const keep = res.headers.filter(([k]) => !/^(server|date|connection)$/i.test(k));
  return { status: res.status, reason: res.reason, headers: [...baseHeaders(c, loc), ...keep, ["Connection", "keep-alive"], ...addHeaders(loc, res.status)], body: res.body };
}

/** The variables a `return` usually carries: $scheme, $host, $request_uri, $uri, $server_name. */
function expandVars(c: Ctx, value: string, uri: string): string {
  const tls = c.server.listens.some((l) => l.port === c.req.port && l.ssl);
  const vars: Record<string, string> = {
    scheme: tls ? "https" : "http", host: c.req.host, http_host: c.req.host, request_uri: c.req.path, uri, server_name: serverName(c.server),
    request_method: c.req.method, server_port: String(c.req.port), remote_addr: "127.0.0.1",
  };
  return value.replace(/\$\{?([a-z_]+)\}?/g, (m, name: string) => vars[name] ?? m);
}

function route(c: Ctx, uri: string, depth = 0): HttpResponse {
  const loc = pickLocation(c.server, uri);
  if (loc.ret) {
    const { code } = loc.ret;
    const text = expandVars(c, loc.ret.text, uri);
    if ([301, 302, 303, 307, 308].includes(code)) return errorResponse(c, loc, code, [["Location", text]]);
    if (text === "") return errorResponse(c, loc, code);
    return {
      status: code, reason: REASONS[code] ?? "",
      headers: [...baseHeaders(c, loc), ["Content-Type", loc.defaultType], ["Content-Length", String(text.length)], ["Connection", "keep-alive"], ...addHeaders(loc, code)],
      body: c.req.method === "HEAD" ? "" : text,
    };
  }
  if (loc.proxyPass) return proxy(c, loc, uri);
  if (loc.tryFiles) return tryFiles(c, loc, uri, loc.tryFiles, depth);
  return serveStatic(c, loc, uri);
}

/** Serve one request on a worker of `master`, append the access log line, return the response. */
export function serveRequest(host: Host, master: Proc, worker: Proc, conf: NgxConf, req: HttpRequest): HttpResponse | null {
  const server = pickServer(conf, req);
  if (!server) return null;
  const user = userByName(host.state, conf.user);
  const cred = user ? credFor(host.state, user) : { uid: 65534, gid: 65534, groups: [65534] };
  const conn = Number(master.params?.conn ?? 0) + 1;
  master.params = { ...master.params, conn };
  const uri = req.path.split("?")[0] ?? "/";
  const c: Ctx = { host, master, worker, conf, server, req, cred, conn };
  const res = route(c, uri);
  const loc = pickLocation(server, uri);
  if (loc.accessLog) {
    const bytes = req.method === "HEAD" ? 0 : res.body.length;
    appendTo(host.state, loc.accessLog, `127.0.0.1 - - [${accessLogTime(host.now)}] "${req.method} ${req.path} HTTP/1.1" ${res.status} ${bytes} "-" "curl/7.88.1"\n`);
  }
  return res;
}

import * as fs from "../../state/fs.ts";
import { isSysError } from "../../state/errors.ts";
import { credFor, userByUid } from "../../state/users.ts";
import type { Host } from "../../state/host.ts";
import type { FileInode, Proc } from "../../state/types.ts";
import type { HttpRequest, HttpResponse, Program } from "../types.ts";
import { httpDate } from "../nginx/http-date.ts";
import { appendTo } from "../nginx/host-fs.ts";

/**
 * `python3 -m http.server PORT` (Python 3.11.2's SimpleHTTPRequestHandler):
 * serves its working directory read with its owner's permissions, lists
 * directories without an index.html, answers HTTP/1.0 with
 * "SimpleHTTP/0.6 Python/3.11.2", and logs each request to stderr (fd 2,
 * nohup.out when started with nohup) in its own log format.
 */

export const PY_SERVER = "SimpleHTTP/0.6 Python/3.11.2";

const TYPES: Record<string, string> = {
  html: "text/html", htm: "text/html", css: "text/css", js: "text/javascript", json: "application/json", txt: "text/plain",
  png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif", svg: "image/svg+xml", ico: "image/vnd.microsoft.icon",
  xml: "text/xml", pdf: "application/pdf", gz: "application/gzip", zip: "application/zip", map: "application/json", woff2: "font/woff2",
};

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const p2 = (n: number): string => String(n).padStart(2, "0");

/** BaseHTTPRequestHandler.log_date_time_string: "28/Nov/2026 18:59:04". */
function logTime(ms: number): string {
  const d = new Date(ms);
  return `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()] ?? "Jan"}/${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

function stderrLog(host: Host, proc: Proc, line: string): void {
  const fd = proc.fds["2"];
  if (fd?.kind !== "file") return;
  appendTo(host.state, fd.path, `127.0.0.1 - - [${logTime(host.now)}] ${line}\n`);
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function notFound(host: Host): HttpResponse {
  const body = `<!DOCTYPE HTML>
<html lang="en">
    <head>
        <meta charset="utf-8">
        <title>Error response</title>
    </head>
    <body>
        <h1>Error response</h1>
        <p>Error code: 404</p>
        <p>Message: File not found.</p>
        <p>Error code explanation: 404 - Nothing matches the given URI.</p>
    </body>
</html>
`;
  return {
    status: 404, reason: "File not found", httpVersion: "1.0", body,
    headers: [["Server", PY_SERVER], ["Date", httpDate(host.now)], ["Connection", "close"], ["Content-Type", "text/html;charset=utf-8"], ["Content-Length", String(body.length)]],
  };
}

function listing(host: Host, proc: Proc, dir: string, urlPath: string): HttpResponse {
  const cred = procCred(host, proc);
  const entries = fs.readdir(host.state, cred, dir).map((e) => e.name).filter((n) => n !== "." && n !== "..");
  entries.sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
  const title = `Directory listing for ${escapeHtml(decodeURIComponent(urlPath))}`;
  const r = ["<!DOCTYPE HTML>", '<html lang="en">', "<head>", '<meta charset="utf-8">', `<title>${title}</title>\n</head>`, `<body>\n<h1>${title}</h1>`, "<hr>\n<ul>"];
  for (const name of entries) {
    const full = `${dir.replace(/\/$/, "")}/${name}`;
    const lst = fs.tryResolve(host.state, fs.ROOT, full, false)?.inode;
    const target = fs.tryResolve(host.state, fs.ROOT, full)?.inode;
    let display = name;
    let link = name;
    if (target?.kind === "dir") {
      display = `${name}/`;
      link = `${name}/`;
    }
    if (lst?.kind === "symlink") display = `${name}@`;
    r.push(`<li><a href="${encodeURI(link)}">${escapeHtml(display)}</a></li>`);
  }
  r.push("</ul>\n<hr>\n</body>\n</html>\n");
  const body = r.join("\n");
  return {
    status: 200, reason: "OK", httpVersion: "1.0", body,
    headers: [["Server", PY_SERVER], ["Date", httpDate(host.now)], ["Content-type", "text/html; charset=utf-8"], ["Content-Length", String(body.length)]],
  };
}

function procCred(host: Host, proc: Proc): fs.Cred {
  const user = userByUid(host.state, proc.uid);
  return user ? credFor(host.state, user) : { uid: proc.uid, gid: proc.gid, groups: [proc.gid] };
}

function file(host: Host, inode: FileInode, path: string, head: boolean): HttpResponse {
  const size = inode.genBytes + inode.text.length;
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase() ?? "";
  return {
    status: 200, reason: "OK", httpVersion: "1.0", body: head ? "" : fs.readFileRange(inode, 0, Math.min(size, 2_000_000)),
    headers: [["Server", PY_SERVER], ["Date", httpDate(host.now)], ["Content-type", TYPES[ext] ?? "application/octet-stream"], ["Content-Length", String(size)], ["Last-Modified", httpDate(inode.mtimeMs)]],
  };
}

function respond(host: Host, proc: Proc, req: HttpRequest): HttpResponse {
  const urlPath = req.path.split("?")[0] ?? "/";
  const rel = decodeURIComponent(urlPath).split("/").filter((p) => p && p !== "." && p !== "..").join("/");
  const path = rel ? `${proc.cwd.replace(/\/$/, "")}/${rel}` : proc.cwd;
  const cred = procCred(host, proc);
  try {
    const { inode } = fs.resolve(host.state, cred, path);
    if (inode.kind === "dir") {
      if (!urlPath.endsWith("/")) {
        return { status: 301, reason: "Moved Permanently", httpVersion: "1.0", body: "", headers: [["Server", PY_SERVER], ["Date", httpDate(host.now)], ["Location", `${urlPath}/`], ["Content-Length", "0"]] };
      }
      for (const index of ["index.html", "index.htm"]) {
        const found = fs.tryResolve(host.state, cred, `${path.replace(/\/$/, "")}/${index}`);
        if (found?.inode.kind === "file") return file(host, found.inode, index, req.method === "HEAD");
      }
      return listing(host, proc, path, urlPath);
    }
    if (inode.kind !== "file" || !fs.permits(inode, cred, 4)) return notFound(host);
    return file(host, inode, path, req.method === "HEAD");
  } catch (e) {
    if (!isSysError(e)) throw e;
    return notFound(host);
  }
}

export const pythonHttpServer: Program = {
  start(host, proc) {
    const port = Number(proc.params?.port ?? 8000);
    proc.fds["3"] = { kind: "socket", proto: "TCP", state: "LISTEN", localPort: port, localAddr: String(proc.params?.bindAddress ?? "0.0.0.0"), inode: 50_000 + proc.pid };
    proc.params = { ...proc.params, backlog: 5 };
  },

  http(host, proc, req) {
    const res = respond(host, proc, req);
    if (res.status === 404) stderrLog(host, proc, "code 404, message File not found");
    stderrLog(host, proc, `"${req.method} ${req.path} HTTP/1.1" ${res.status} -`);
    return res;
  },
};

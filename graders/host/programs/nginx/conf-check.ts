import type { Ctx } from "./directives.ts";
import type { Directive } from "./conf-parse.ts";

/**
 * The checks nginx's directive handlers make while the file is being read
 * (ngx_http_core_listen, ngx_http_rewrite_return, ngx_http_log_set_log,
 * ngx_http_proxy_pass, ngx_http_core_location), worded as they word them.
 * Returns the message without the " in FILE:LINE" suffix, or null.
 */

const LISTEN_FLAGS = new Set(["default_server", "default", "bind", "ssl", "http2", "spdy", "reuseport", "deferred", "proxy_protocol"]);
const LISTEN_KV = ["setfib=", "fastopen=", "backlog=", "rcvbuf=", "sndbuf=", "accept_filter=", "ipv6only=", "so_keepalive="];

export interface ListenAddr {
  addr: string;
  port: number;
  v6: boolean;
}

/** ngx_parse_url for listen: "80", "*:80", "127.0.0.1:8080", "[::]:80", "[::1]", "localhost:80". */
export function parseListen(value: string): ListenAddr | string {
  let host = "";
  let portText = "";
  let v6 = false;
  const m6 = /^\[([^\]]*)\](?::(.*))?$/.exec(value);
  if (m6) {
    v6 = true;
    host = m6[1] ?? "";
    portText = m6[2] ?? "80";
  } else if (/^\d+$/.test(value)) portText = value;
  else {
    const i = value.lastIndexOf(":");
    host = i >= 0 ? value.slice(0, i) : value;
    portText = i >= 0 ? value.slice(i + 1) : "80";
  }
  if (!/^\d+$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) return `invalid port in "${value}" of the "listen" directive`;
  if (v6) return { addr: host === "" || host === "::" ? "::" : host, port: Number(portText), v6: true };
  if (host === "" || host === "*") return { addr: "0.0.0.0", port: Number(portText), v6: false };
  if (host === "localhost") return { addr: "127.0.0.1", port: Number(portText), v6: false };
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return `host not found in "${value}" of the "listen" directive`;
  return { addr: host, port: Number(portText), v6: false };
}

export function checkDirective(d: Directive, _ctx: Ctx): string | null {
  const a = d.args;
  switch (d.name) {
    case "listen": {
      const parsed = parseListen(a[0] ?? "");
      if (typeof parsed === "string") return parsed;
      for (const p of a.slice(1)) {
        if (LISTEN_FLAGS.has(p) || LISTEN_KV.some((k) => p.startsWith(k))) continue;
        return `invalid parameter "${p}"`;
      }
      return null;
    }
    case "return": {
      const first = a[0] ?? "";
      if (a.length === 1) {
        if (/^\d+$/.test(first) || /^(https?:\/\/|\$scheme)/.test(first)) return null;
        return `invalid return code "${first}"`;
      }
      return /^\d+$/.test(first) && Number(first) <= 999 ? null : `invalid return code "${first}"`;
    }
    case "access_log":
      if (a[0] === "off" && a.length > 1) return `invalid parameter "${a[1] ?? ""}"`;
      return null;
    case "proxy_pass": {
      const url = a[0] ?? "";
      return /^(https?:\/\/|\$)/.test(url) ? null : "invalid URL prefix";
    }
    case "location":
      if (a.length === 2 && !["=", "~", "~*", "^~"].includes(a[0] ?? "")) return `invalid location modifier "${a[0] ?? ""}"`;
      return null;
    case "try_files":
      return null;
    default:
      return null;
  }
}

import { systemdTime } from "../format.ts";
import { httpRequest } from "../../net/connect.ts";
import type { Runtime } from "../../shell/runtime.ts";
import type { HttpResponse } from "../../programs/types.ts";
import { fail, type HostCommand } from "../types.ts";
import { httpVerbose, SSL_HELP, tlsConnect, type TlsOutcome } from "./tls.ts";
import { resolveHost } from "../../net/resolve.ts";
import { isLoopback } from "../../net/ipv4.ts";
import { isLocalAddress } from "../../net/route.ts";

/**
 * curl 7.88.1 against the simulated network: this host's own listeners
 * answer through their programs; other names do not resolve and other
 * addresses refuse, worded and numbered as curl reports them.
 * -s -S -f -i -I -o FILE -w '%{http_code}' -X METHOD are understood.
 */

interface Target {
  host: string;
  port: number;
  path: string;
  https?: boolean;
}

function parseUrl(raw: string): Target | null {
  const m = /^(?:(https?):\/\/)?(\[[^\]]+\]|[^/:?#]+)(?::(\d+))?([^#]*)/.exec(raw);
  if (!m) return null;
  const scheme = m[1] ?? "http";
  return { host: (m[2] ?? "").replace(/^\[|\]$/g, ""), port: m[3] ? Number(m[3]) : scheme === "https" ? 443 : 80, path: m[4] || "/", https: scheme === "https" };
}

function httpDate(ms: number): string {
  const [wd, date, time] = systemdTime(ms).split(" ") as [string, string, string];
  const [y, mo, d] = date.split("-") as [string, string, string];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return `${wd}, ${d} ${months[Number(mo) - 1]} ${y} ${time} GMT`;
}

function headerBlock(rt: Runtime, res: HttpResponse): string {
  // Servers that set Date themselves (nginx, Python's http.server) put it where they put it; others get one appended.
  const date = res.headers.some(([k]) => k.toLowerCase() === "date") ? [] : [`Date: ${httpDate(rt.host.now)}`];
  const lines = [`HTTP/${res.httpVersion ?? "1.1"} ${res.status} ${res.reason}`, ...res.headers.map(([k, v]) => `${k}: ${v}`), ...date];
  return lines.join("\r\n") + "\r\n\r\n";
}

/** TLS to a listener on this host; null for other hosts (remote TLS is not modelled) and for refused ports (curl reports those itself). */
function localTls(rt: Runtime, name: string, port: number, insecure: boolean): TlsOutcome | null {
  const r = resolveHost(rt.host, name);
  const addr = r.ok ? r.addrs[0] : undefined;
  if (addr === undefined || !(isLoopback(addr) || isLocalAddress(rt.host.state, addr))) return null;
  const tls = tlsConnect(rt.host, port, name, insecure);
  return !tls.ok && tls.code === 7 ? null : tls;
}

export const curl: HostCommand = {
  name: "curl",
  async run(args, ctx, rt) {
    let silent = false;
    let showErrors = false;
    let failOnError = false;
    let include = false;
    let head = false;
    let method = "GET";
    let output: string | null = null;
    let writeOut = "";
    let url: string | null = null;
    let maxTimeSec: number | undefined;
    let connectTimeoutSec: number | undefined;
    let insecure = false;
    let verbose = false;
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (a === "-o" || a === "--output") output = args[++i] ?? "";
      else if (a === "-w" || a === "--write-out") writeOut = args[++i] ?? "";
      else if (a === "-X" || a === "--request") method = args[++i] ?? "GET";
      else if (a === "-m" || a === "--max-time") maxTimeSec = Number(args[++i]);
      else if (a === "--connect-timeout") connectTimeoutSec = Number(args[++i]);
      else if (a === "-H" || a === "--header" || a === "-m" || a === "--max-time" || a === "--connect-timeout" || a === "-d" || a === "--data") i++;
      else if (a === "--silent") silent = true;
      else if (a === "--show-error") showErrors = true;
      else if (a === "--fail") failOnError = true;
      else if (a === "--include") include = true;
      else if (a === "--head") head = true;
      else if (a === "--insecure") insecure = true;
      else if (a === "--verbose") verbose = true;
      else if (/^-[sSfiIvLk]+$/.test(a)) {
        silent ||= a.includes("s");
        showErrors ||= a.includes("S");
        failOnError ||= a.includes("f");
        include ||= a.includes("i");
        head ||= a.includes("I");
        insecure ||= a.includes("k");
        verbose ||= a.includes("v");
      } else if (a.startsWith("-")) return fail(`curl: option ${a}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`, 2);
      else url = a;
    }
    if (url === null) return fail("curl: try 'curl --help' or 'curl --manual' for more information\n", 2);
    const target = parseUrl(url);
    const err = (code: number, msg: string): { stdout: string; stderr: string; exitCode: number } => ({
      stdout: writeOut.replace(/%\{http_code\}/g, "000").replace(/\\n/g, "\n"),
      stderr: silent && !showErrors ? "" : `curl: (${code}) ${msg}\n`,
      exitCode: code,
    });
    if (!target || target.host === "") return err(3, "URL using bad/illegal format or missing URL");
    // https to this host: the TLS handshake and certificate checks come before any request is sent (tls.ts).
    const tls = target.https ? localTls(rt, target.host, target.port, insecure) : null;
    if (tls && !tls.ok) {
      const e = err(tls.code, tls.message);
      const addr = resolveHost(rt.host, target.host);
      const head = verbose && addr.ok ? `*   Trying ${addr.addrs[0] ?? ""}:${target.port}...\n* Connected to ${target.host} (${addr.addrs[0] ?? ""}) port ${target.port} (#0)\n` : "";
      return { ...e, stderr: (verbose ? head + tls.verbose.join("\n") + "\n" : "") + e.stderr + (tls.help && e.stderr ? SSL_HELP : "") };
    }
    // Names resolve through getaddrinfo (/etc/hosts, resolv.conf) and connect over the simulated network.
    const conn = httpRequest(rt.host, target.host, target.port, { method: head ? "HEAD" : method, path: target.path }, { connectTimeoutSec, maxTimeSec });
    rt.host.advance(conn.elapsedMs);
    if (!conn.ok) return err(conn.code, conn.message);
    const trace: string[] = verbose ? [`*   Trying ${conn.addr}:${target.port}...`, `* Connected to ${target.host} (${conn.addr}) port ${target.port} (#0)`] : [];
    if (tls) trace.push(...tls.verbose);
    const res = conn.response;
    if (!res) return err(52, "Empty reply from server");
    if (failOnError && res.status >= 400) return err(22, `The requested URL returned error: ${res.status}`);
    let body = head ? headerBlock(rt, res) : (include ? headerBlock(rt, res) : "") + res.body;
    const written = writeOut.replace(/%\{http_code\}/g, String(res.status)).replace(/\\n/g, "\n");
    if (output !== null && output !== "/dev/null" && output !== "-") {
      await ctx.fs.writeFile(output.startsWith("/") ? output : `${ctx.cwd}/${output}`, body);
      body = "";
    } else if (output === "/dev/null") body = "";
    if (verbose) {
      const v = httpVerbose(target.host, target.port, target.https === true, head ? "HEAD" : method, target.path, res);
      const stderr = [...trace, ...v.before, ...v.after].join("\n") + "\n";
      return { stdout: body + written, stderr: `${stderr}* Connection #0 to host ${target.host} left intact\n`, exitCode: 0 };
    }
    return { stdout: body + written, stderr: "", exitCode: 0 };
  },
};

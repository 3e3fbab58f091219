import { systemdTime } from "../format.ts";
import { httpRequest } from "../../net/connect.ts";
import type { Runtime } from "../../shell/runtime.ts";
import type { HttpResponse } from "../../programs/types.ts";
import { fail, type HostCommand } from "../types.ts";

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
}

function parseUrl(raw: string): Target | null {
  const m = /^(?:(https?):\/\/)?(\[[^\]]+\]|[^/:?#]+)(?::(\d+))?([^#]*)/.exec(raw);
  if (!m) return null;
  const scheme = m[1] ?? "http";
  return { host: (m[2] ?? "").replace(/^\[|\]$/g, ""), port: m[3] ? Number(m[3]) : scheme === "https" ? 443 : 80, path: m[4] || "/" };
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
      else if (/^-[sSfiIvLk]+$/.test(a)) {
        silent ||= a.includes("s");
        showErrors ||= a.includes("S");
        failOnError ||= a.includes("f");
        include ||= a.includes("i");
        head ||= a.includes("I");
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
    // Names resolve through getaddrinfo (/etc/hosts, resolv.conf) and connect over the simulated network.
    const conn = httpRequest(rt.host, target.host, target.port, { method: head ? "HEAD" : method, path: target.path }, { connectTimeoutSec, maxTimeSec });
    rt.host.advance(conn.elapsedMs);
    if (!conn.ok) return err(conn.code, conn.message);
    const res = conn.response;
    if (!res) return err(52, "Empty reply from server");
    if (failOnError && res.status >= 400) return err(22, `The requested URL returned error: ${res.status}`);
    let body = head ? headerBlock(rt, res) : (include ? headerBlock(rt, res) : "") + res.body;
    const written = writeOut.replace(/%\{http_code\}/g, String(res.status)).replace(/\\n/g, "\n");
    if (output !== null && output !== "/dev/null" && output !== "-") {
      await ctx.fs.writeFile(output.startsWith("/") ? output : `${ctx.cwd}/${output}`, body);
      body = "";
    } else if (output === "/dev/null") body = "";
    return { stdout: body + written, stderr: "", exitCode: 0 };
  },
};

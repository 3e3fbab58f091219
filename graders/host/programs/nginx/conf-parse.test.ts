import { describe, expect, it } from "vitest";
import cases from "./conf-parse.cases.json" with { type: "json" };
import { ConfError, parseConf, type ConfFs } from "./conf-parse.ts";
import { loadConf } from "./conf-load.ts";
import { ETC_NGINX } from "./debian-files.ts";

/**
 * Every case's expected message was produced by the real nginx 1.22.1
 * (Debian 12) running `nginx -t` on the same files; the parser must agree
 * byte for byte, including the line nginx blames.
 */

function memFs(files: Record<string, string>): ConfFs {
  return {
    read: (path) => (path in files ? { text: files[path] ?? "" } : { errno: 2, error: "No such file or directory" }),
    glob: (pattern) => {
      const dir = pattern.slice(0, pattern.lastIndexOf("/"));
      const re = new RegExp(`^${pattern.slice(pattern.lastIndexOf("/") + 1).replace(/\./g, "\\.").replace(/\*/g, ".*")}$`);
      return Object.keys(files).filter((p) => p.startsWith(`${dir}/`) && re.test(p.slice(dir.length + 1))).sort();
    },
  };
}

function debianWith(site: string): ConfFs {
  return memFs({ "/etc/nginx/nginx.conf": ETC_NGINX["nginx.conf"] ?? "", "/etc/nginx/mime.types": ETC_NGINX["mime.types"] ?? "", "/etc/nginx/sites-enabled/default": site });
}

function check(fsys: ConfFs): string {
  try {
    loadConf(fsys);
    return "OK";
  } catch (e) {
    if (e instanceof ConfError) return e.message;
    throw e;
  }
}

describe("nginx configuration reader", () => {
  it.each(cases.map((c) => [c.name, c.site, c.expected] as const))("%s", (_name, site, expected) => {
    expect(check(debianWith(site))).toBe(expected);
  });

  it("accepts Debian's stock configuration and reads what it includes, in order", () => {
    const fsys = debianWith(ETC_NGINX["sites-available/default"] ?? "");
    const { files, tree } = parseConf(fsys, "/etc/nginx/nginx.conf");
    expect(files.map((f) => f.path)).toEqual(["/etc/nginx/nginx.conf", "/etc/nginx/mime.types", "/etc/nginx/sites-enabled/default"]);
    expect(tree.map((d) => d.name)).toEqual(["user", "worker_processes", "pid", "error_log", "events", "http"]);
    const { conf } = loadConf(fsys);
    expect(conf.servers[0]?.listens).toEqual([
      { addr: "0.0.0.0", port: 80, v6: false, def: true, ssl: false },
      { addr: "::", port: 80, v6: true, def: true, ssl: false },
    ]);
    expect(conf.servers[0]?.fallback.index).toEqual(["index.html", "index.htm", "index.nginx-debian.html"]);
    expect(conf.types.html).toBe("text/html");
    expect(conf.user).toBe("www-data");
  });

  it("unescapes quoted strings and keeps ${var} in one word", () => {
    const fsys = memFs({ "/etc/nginx/nginx.conf": 'events {}\nhttp {\n\tserver {\n\t\treturn 200 "a \\"b\\"\\n${host}x";\n\t}\n}\n' });
    const server = parseConf(fsys, "/etc/nginx/nginx.conf").tree[1]?.block?.[0];
    expect(server?.block?.[0]?.args).toEqual(["200", 'a "b"\n${host}x']);
  });

  it("names the including line when an included file is missing", () => {
    const fsys = memFs({ "/etc/nginx/nginx.conf": "events {}\nhttp {\n\tinclude /etc/nginx/conf.d/*.conf;\n\tinclude snippets/x.conf;\n}\n" });
    expect(check(fsys)).toBe('open() "/etc/nginx/snippets/x.conf" failed (2: No such file or directory) in /etc/nginx/nginx.conf:4');
  });
});

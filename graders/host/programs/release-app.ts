import { readFileRange, resolve } from "../state/fs.ts";
import { credFor, userByUid } from "../state/users.ts";
import { appServer, configError } from "./app-server.ts";
import type { Program } from "./types.ts";

/**
 * app-server as shipped by a release-based deploy (/opt/app/releases/<id>):
 * it behaves like app-server, and a release may need a setting older
 * configs lack (`requires`, e.g. "tracing.endpoint"). Started with a config
 * that cannot be opened or misses that setting, it logs FATAL and exits 1.
 */

/** Is `section.key` set to a non-empty value in the YAML text (two-level maps, as the app's configs are)? */
export function hasSetting(text: string, dotted: string): boolean {
  const [section, key] = dotted.split(".");
  if (!section || !key) return false;
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.replace(/\s+#.*$/, "").trimEnd() === `${section}:`);
  if (start < 0) return false;
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const m = /^\s+([A-Za-z_]+):\s*(.*)$/.exec(line);
    if (m && m[1] === key) return (m[2] ?? "").replace(/^["']|["']$/g, "").trim() !== "";
  }
  return false;
}

/** The start-time error this process would log for its config, or null. */
export function releaseConfigError(host: Parameters<NonNullable<Program["start"]>>[0], who: { uid: number; gid: number }, path: string, requires: string): string | null {
  const err = configError(host, who, path);
  if (err !== null || requires === "") return err;
  const user = userByUid(host.state, who.uid);
  const cred = user ? credFor(host.state, user) : { uid: who.uid, gid: who.gid, groups: [who.gid] };
  const { inode } = resolve(host.state, cred, path);
  const text = inode.kind === "file" ? readFileRange(inode, 0, 1_000_000) : "";
  return hasSetting(text, requires) ? null : `${path}: ${requires} is required`;
}

export const releaseApp: Program = {
  start(host, proc) {
    const i = proc.argv.indexOf("--config");
    const config = i >= 0 ? proc.argv[i + 1] : undefined;
    if (config !== undefined) {
      const err = releaseConfigError(host, proc, config, String(proc.params?.requires ?? ""));
      if (err !== null) {
        host.log({ ident: "app-server", pid: proc.pid, unit: proc.unit ?? null, priority: 2, message: `FATAL load config: ${err}` });
        host.terminate(proc, 0, 1);
        return;
      }
    }
    appServer.start?.(host, proc);
  },
  tick: (host, proc, from, to) => appServer.tick?.(host, proc, from, to),
  http: (host, proc, req) => {
    if (!appServer.http) throw new Error("app-server has no http handler");
    return appServer.http(host, proc, req);
  },
};

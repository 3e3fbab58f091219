import { loadAverages } from "../../state/load.ts";
import { hhmmss, two } from "../format.ts";
import { fail, ok, type HostCommand } from "../types.ts";
import type { Runtime } from "../../shell/runtime.ts";

/** uptime from procps-ng 4.0.2, default, -p (pretty) and -s (since) forms. */

/** Logged-in users: one per login shell on a terminal, as utmp would list them. */
export function loggedInUsers(rt: Runtime): number {
  return Object.values(rt.host.state.procs).filter((p) => p.tty?.startsWith("pts/") && p.argv[0] === "-bash").length;
}

export function uptimeLine(rt: Runtime): string {
  const secs = Math.floor((rt.host.now - rt.host.state.clock.bootMs) / 1000);
  const days = Math.floor(secs / 86400);
  const hours = Math.floor((secs % 86400) / 3600);
  const mins = Math.floor((secs % 3600) / 60);
  let up = days ? `${days} day${days === 1 ? "" : "s"}, ` : "";
  up += hours ? `${String(hours).padStart(2)}:${two(mins)}` : `${mins} min`;
  const users = loggedInUsers(rt);
  const load = loadAverages(rt.host).map((l) => l.toFixed(2)).join(", ");
  return ` ${hhmmss(rt.host.now)} up ${up}, ${String(users).padStart(2)} user${users === 1 ? "" : "s"},  load average: ${load}\n`;
}

function pretty(rt: Runtime): string {
  let mins = Math.floor((rt.host.now - rt.host.state.clock.bootMs) / 60_000);
  const parts: string[] = [];
  const take = (size: number, unit: string): void => {
    const n = Math.floor(mins / size);
    mins %= size;
    if (n) parts.push(`${n} ${unit}${n === 1 ? "" : "s"}`);
  };
  take(60 * 24 * 7, "week");
  take(60 * 24, "day");
  take(60, "hour");
  take(1, "minute");
  return `up ${parts.join(", ") || "0 minutes"}\n`;
}

export const uptime: HostCommand = {
  name: "uptime",
  async run(args, _ctx, rt) {
    const a = args[0];
    if (a === undefined) return ok(uptimeLine(rt));
    if (a === "-p" || a === "--pretty") return ok(pretty(rt));
    if (a === "-s" || a === "--since") {
      const d = new Date(rt.host.state.clock.bootMs);
      return ok(`${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${hhmmss(rt.host.state.clock.bootMs)}\n`);
    }
    return fail(`uptime: invalid option -- '${a.replace(/^-+/, "").charAt(0)}'\n\nUsage:\n uptime [options]\n\nOptions:\n -p, --pretty   show uptime in pretty format\n -h, --help     display this help and exit\n -s, --since    system up since\n -V, --version  output version information and exit\n\nFor more details see uptime(1).\n`);
  },
};

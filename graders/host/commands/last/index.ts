import * as fs from "../../state/fs.ts";
import { SysError } from "../../state/errors.ts";
import { month, two, weekday } from "../format.ts";
import { fail, ok, type HostCommand } from "../types.ts";
import type { Runtime } from "../../shell/runtime.ts";
import { KERNEL } from "../uname/index.ts";

/**
 * last from util-linux 2.38.1, reading the records /var/log/wtmp holds on
 * the host: the boot (systemd-update-utmp writes "reboot" with the kernel
 * release as host, and with -x the runlevel reached), then the candidate's
 * ssh login (state.login). Newest first, then "wtmp begins" with the time of
 * the oldest record. -n N / -N, -x, -F, -R, --time-format, user and tty
 * filters ("last reboot", "last admin", "last pts/0").
 */

interface Rec {
  user: string;
  line: string;
  host: string;
  atMs: number;
  /** Still open: "still logged in" for a session, "still running" for the boot. */
  still: "logged in" | "running";
}

const WTMP = "/var/log/wtmp";
const TRY = "Try 'last --help' for more information.\n";
const HELP = "\nUsage:\n last [options] [<username>...] [<tty>...]\n\nShow a listing of last logged in users.\n\nOptions:\n -<number>            how many lines to show\n -a, --hostlast       display hostnames in the last column\n -d, --dns            translate the IP number back into a hostname\n -f, --file <file>    use a specific file instead of /var/log/wtmp\n -F, --fulltimes      print full login and logout times and dates\n -i, --ip             display IP numbers in numbers-and-dots notation\n -n, --limit <number> how many lines to show\n -R, --nohostname     don't display the hostname field\n -s, --since <time>   display the lines since the specified time\n -t, --until <time>   display the lines until the specified time\n -p, --present <time> display who were present at the specified time\n -w, --fullnames      display full user and domain names\n -x, --system         display system shutdown entries and run level changes\n     --time-format <format>  show timestamps in the specified <format>:\n                               notime|short|full|iso\n\n -h, --help           display this help\n -V, --version        display version\n\nFor more details see last(1).\n";
/** multi-user.target (runlevel 3 on a server) is reached this long after boot. */
const RUNLEVEL_AFTER_MS = 21_000;

/** ctime's "%a %b %e %H:%M", with ":%S %Y" for the full form. */
function ctime(ms: number, full: boolean): string {
  const d = new Date(ms);
  const base = `${weekday(ms)} ${month(ms)} ${String(d.getUTCDate()).padStart(2)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  return full ? `${base}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()}` : base;
}

function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.000Z$/, "+00:00");
}

function records(rt: Runtime, system: boolean): Rec[] {
  const s = rt.host.state;
  const boot = Math.floor(s.clock.bootMs / 1000) * 1000;
  const out: Rec[] = [{ user: "reboot", line: "system boot", host: KERNEL.release, atMs: boot, still: "running" }];
  if (system) out.push({ user: "runlevel", line: "(to lvl 3)", host: KERNEL.release, atMs: boot + RUNLEVEL_AFTER_MS, still: "running" });
  if (s.login) out.push({ user: s.login.user, line: s.login.tty, host: s.login.from, atMs: s.login.atMs, still: "logged in" });
  return out.sort((a, b) => b.atMs - a.atMs);
}

type TimeFormat = "notime" | "short" | "full" | "iso";

function render(r: Rec, fmt: TimeFormat, showHost: boolean): string {
  // util-linux: "%-8.*s %-12.12s %-16.*s %-*.*s %-*.*s %s" (host dropped with -R).
  const widths: Record<TimeFormat, [number, number]> = { notime: [0, 0], short: [16, 7], full: [24, 26], iso: [25, 27] };
  const [inLen, outLen] = widths[fmt];
  const login = fmt === "notime" ? "" : fmt === "iso" ? iso(r.atMs) : ctime(r.atMs, fmt === "full");
  // The short form splits "still" and what it is still doing over the logout and length fields.
  const [logout, length] = fmt === "short" || fmt === "notime" ? ["  still", r.still] : [`  still ${r.still}`, ""];
  const fit = (text: string, w: number): string => text.slice(0, w).padEnd(w);
  let line = `${r.user.slice(0, 8).padEnd(8)} ${fit(r.line, 12)} `;
  if (showHost) line += `${fit(r.host, 16)} `;
  return `${line}${fit(login, inLen)} ${fit(logout, outLen)} ${length}\n`;
}

export const last: HostCommand = {
  name: "last",
  async run(args, _ctx, rt) {
    let limit = Infinity;
    let system = false;
    let fmt: TimeFormat = "short";
    let showHost = true;
    const filters: string[] = [];
    const number = (v: string | undefined, flag: string): number | string => {
      if (v === undefined) return `last: option requires an argument -- '${flag}'\n${TRY}`;
      if (!/^\d+$/.test(v)) return `last: failed to parse number: '${v}'\n`;
      return Number(v);
    };
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === "-h" || a === "--help") return ok(HELP);
      if (a === "-V" || a === "--version") return ok("last from util-linux 2.38.1\n");
      if (/^-\d+$/.test(a)) limit = Number(a.slice(1));
      else if (a === "-n" || a === "--limit" || /^-n\d+$/.test(a) || a.startsWith("--limit=")) {
        const v = a === "-n" || a === "--limit" ? args[++i] : a.startsWith("-n") ? a.slice(2) : a.slice(8);
        const n = number(v, "n");
        if (typeof n === "string") return fail(n);
        limit = n;
      } else if (a === "-x" || a === "--system") system = true;
      else if (a === "-F" || a === "--fulltimes") fmt = "full";
      else if (a === "-R" || a === "--nohostname") showHost = false;
      else if (a === "-i" || a === "--ip" || a === "-w" || a === "--fullnames" || a === "-d" || a === "--dns") continue;
      else if (a === "--time-format" || a.startsWith("--time-format=")) {
        const v = a === "--time-format" ? args[++i] : a.slice(14);
        if (v !== "notime" && v !== "short" && v !== "full" && v !== "iso") return fail(`last: unknown time format: ${v ?? ""}\n`);
        fmt = v;
      } else if (a.startsWith("--")) return fail(`last: unrecognized option '${a}'\n${TRY}`);
      else if (a.startsWith("-") && a.length > 1) return fail(`last: invalid option -- '${a[1]}'\n${TRY}`);
      else filters.push(a);
    }
    try {
      fs.readFile(rt.host.state, rt.cred, WTMP);
    } catch (e) {
      if (e instanceof SysError) return fail(`last: cannot open ${WTMP}: ${e.text}\n`);
      throw e;
    }
    const all = records(rt, system);
    // Names match the user, ttys the line ("last tty1" and "last 1" both find tty1).
    const picked = all.filter((r) => !filters.length || filters.some((f) => f === r.user || f === r.line || `tty${f}` === r.line));
    const shown = picked.slice(0, limit).map((r) => render(r, fmt, showHost)).join("");
    const oldest = all.reduce((m, r) => Math.min(m, r.atMs), Infinity);
    return ok(`${shown}\nwtmp begins ${ctime(oldest, true)}\n`);
  },
};

import type { JournalEntry } from "../../state/types.ts";
import { shortLine } from "../../services/journal-format.ts";
import { fail, ok, type HostCommand } from "../types.ts";
import type { JournalQuery } from "../../shell/follow/types.ts";
import { startFollow } from "../../shell/follow/start.ts";
import { selects } from "./query.ts";

/**
 * journalctl (systemd 252) over the host's journal: -u, -n/--lines, -e, -r,
 * -p, -k, -b, --since/--until (absolute or "N min ago"), -o short|cat,
 * --no-pager (output is never paged here), -f (the tail, then new entries as they are written).
 * Users outside adm/systemd-journal see only their own entries, with the hint.
 */

const PRIORITIES = ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"];

function parsePriority(spec: string): number | null {
  if (/^[0-7]$/.test(spec)) return Number(spec);
  const i = PRIORITIES.indexOf(spec === "error" ? "err" : spec === "warn" ? "warning" : spec);
  return i >= 0 ? i : null;
}

/** "2026-11-25 08:00:00", "2026-11-25", "08:00", "today", "yesterday", "10 min ago", "-1h". */
function parseTime(spec: string, nowMs: number): number | null {
  const ago = /^(\d+)\s*(s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hour|hours|d|day|days)\s+ago$/.exec(spec) ?? /^-(\d+)(s|min|m|h|d)$/.exec(spec);
  if (ago) {
    const n = Number(ago[1]);
    const unit = ago[2] as string;
    const ms = unit.startsWith("s") ? 1000 : unit.startsWith("m") ? 60_000 : unit.startsWith("h") ? 3600_000 : 86400_000;
    return nowMs - n * ms;
  }
  const day = new Date(nowMs);
  const midnight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  if (spec === "today") return midnight;
  if (spec === "yesterday") return midnight - 86400_000;
  if (spec === "now") return nowMs;
  const m = /^(?:(\d{4})-(\d\d)-(\d\d))?\s*(?:(\d\d):(\d\d)(?::(\d\d))?)?$/.exec(spec.trim());
  if (!m || (!m[1] && !m[4])) return null;
  const date = m[1] ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : midnight;
  return date + (Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0)) * 1000;
}

export const journalctl: HostCommand = {
  name: "journalctl",
  async run(args, _ctx, rt) {
    const units: string[] = [];
    let lines: number | null = null;
    let reverse = false;
    let maxPrio = 7;
    let kernel = false;
    let since: number | null = null;
    let until: number | null = null;
    let output = "short";
    let follow = false;
    const idents: string[] = [];
    // getopt: "-xeu app" is -x -e -u app; a flag that takes a value swallows the rest of its cluster.
    args = args.flatMap((a) => {
      if (!/^-[a-zA-Z]{2,}/.test(a)) return [a];
      const out: string[] = [];
      for (let j = 1; j < a.length; j++) {
        const c = a.charAt(j);
        if ("unpSUot".includes(c)) {
          out.push(`-${c}`);
          if (j + 1 < a.length) out.push(a.slice(j + 1));
          return out;
        }
        out.push(`-${c}`);
      }
      return out;
    });
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      const value = (): string => {
        const eq = a.indexOf("=");
        if (a.startsWith("--") && eq > 0) return a.slice(eq + 1);
        if (!a.startsWith("--") && a.length > 2) return a.slice(2);
        return args[++i] ?? "";
      };
      if (a === "-u" || a.startsWith("--unit") || /^-u./.test(a)) {
        const u = value();
        units.push(u.includes(".") ? u : `${u}.service`);
      } else if (a === "-n" || a.startsWith("--lines") || /^-n\d+$/.test(a)) {
        const v = value();
        lines = v === "all" ? Infinity : Number(v);
        if (!Number.isFinite(lines) && v !== "all") return fail(`Failed to parse lines '${v}'.\n`);
      } else if (a === "-e" || a === "--pager-end") lines ??= 1000;
      else if (a === "-f" || a === "--follow") {
        lines ??= 10;
        follow = true;
      }
      else if (a === "-r" || a === "--reverse") reverse = true;
      else if (a === "-k" || a === "--dmesg") kernel = true;
      else if (a === "-p" || a.startsWith("--priority") || /^-p./.test(a)) {
        const v = value();
        const p = parsePriority(v);
        if (p === null) return fail(`Failed to parse priority value: ${v}\n`);
        maxPrio = p;
      } else if (a === "-S" || a.startsWith("--since")) {
        const v = value();
        since = parseTime(v, rt.host.now);
        if (since === null) return fail(`Failed to parse timestamp: ${v}\n`);
      } else if (a === "-U" || a.startsWith("--until")) {
        const v = value();
        until = parseTime(v, rt.host.now);
        if (until === null) return fail(`Failed to parse timestamp: ${v}\n`);
      } else if (a === "-o" || a.startsWith("--output")) output = value();
      else if (a === "-t" || a.startsWith("--identifier")) idents.push(value());
      else if (/^(SYSLOG_IDENTIFIER|_COMM)=./.test(a)) idents.push(a.slice(a.indexOf("=") + 1));
      else if (/^_SYSTEMD_UNIT=./.test(a)) {
        const u = a.slice(a.indexOf("=") + 1);
        units.push(u.includes(".") ? u : `${u}.service`);
      }
      else if (["--no-pager", "-b", "--boot", "-x", "--catalog", "-q", "--quiet", "-a", "--all", "-l", "--full", "--no-hostname"].includes(a)) continue;
      else if (a.startsWith("-")) return fail(`journalctl: invalid option -- '${a.replace(/^-+/, "").charAt(0)}'\n`);
      else return fail(`Failed to add match '${a}': Invalid argument\n`);
    }
    const state = rt.host.state;
    const privileged = rt.cred.uid === 0 || state.groups.some((g) => (g.name === "adm" || g.name === "systemd-journal") && rt.cred.groups.includes(g.gid));
    const query: JournalQuery = { units, idents, kernel, maxPrio, privileged, uid: rt.cred.uid, output };
    let entries: JournalEntry[] = state.journal.filter((e) => {
      if (since !== null && e.tsMs < since) return false;
      if (until !== null && e.tsMs > until) return false;
      return selects(state, query, e);
    });
    if (lines !== null) entries = entries.slice(Math.max(0, entries.length - lines));
    // -f keeps printing new entries until Ctrl-C (see shell/follow); the cursor is "now".
    const following = follow && startFollow(rt, "journalctl", { kind: "journal", query, cursorMs: rt.host.now, seenAtCursor: state.journal.filter((e) => e.tsMs === rt.host.now).length });
    if (reverse) entries = [...entries].reverse();
    const hint = privileged || args.includes("-q") ? "" : "Hint: You are currently not seeing messages from other users and the system.\n      Users in groups 'adm', 'systemd-journal' can see all messages.\n      Pass -q to turn off this notice.\n";
    // journalctl says "-- No entries --" only when it is about to exit; -f just waits.
    if (entries.length === 0) return { stdout: following ? "" : "-- No entries --\n", stderr: hint, exitCode: 0 };
    const render = output === "cat" ? (e: JournalEntry) => `${e.message}\n` : (e: JournalEntry) => shortLine(rt.host, e);
    return { ...ok(entries.map(render).join("")), stderr: hint };
  },
};

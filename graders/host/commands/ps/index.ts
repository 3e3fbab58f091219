import { cpuMs, rssKb, vszKb } from "../../state/procs.ts";
import { userName } from "../../state/users.ts";
import type { Proc } from "../../state/types.ts";
import { MEM_TOTAL_KB } from "../../state/memory.ts";
import type { Runtime } from "../../shell/runtime.ts";
import { fail, ok, type HostCommand } from "../types.ts";
import { hhmm, month, two } from "../format.ts";
import { pipelineProcs } from "./pipeline.ts";

/**
 * ps from procps-ng 4.0.2: `aux` (BSD), `-ef` (UNIX), `-o` custom columns with
 * -p/-u/-C/--sort, and bare `ps`. Each row is laid out on its own with the
 * fixed column widths procps uses; a value wider than its column pushes the
 * rest of that row right, as procps does.
 */

interface Column {
  header: string;
  width: number;
  align: "L" | "R";
  value(p: Proc, rt: Runtime): string;
}

const now = (rt: Runtime): number => rt.host.now;
const cpuPct = (p: Proc, rt: Runtime): string => {
  const elapsed = now(rt) - p.startMs;
  return elapsed <= 0 ? "0.0" : ((cpuMs(p, now(rt)) * 100) / elapsed).toFixed(1);
};
const memPct = (p: Proc, rt: Runtime): string => ((rssKb(p, now(rt)) * 100) / MEM_TOTAL_KB).toFixed(1);
const isKernel = (p: Proc): boolean => p.argv.length === 0;
/** Kernel threads show their full name (workqueue workers append what they serve) in brackets. */
const args = (p: Proc): string => (p.state === "Z" ? `[${p.comm}] <defunct>` : isKernel(p) ? `[${String(p.params?.kthread ?? p.comm)}]` : p.argv.join(" "));
const tty = (p: Proc): string => p.tty ?? "?";
const stat = (p: Proc): string => p.state + (p.statFlags ?? "");

/** BSD START: time today, MonDD this year, else the year. */
function start(p: Proc, rt: Runtime): string {
  const age = now(rt) - p.startMs;
  if (age < 24 * 3600 * 1000) return hhmm(p.startMs);
  if (new Date(p.startMs).getUTCFullYear() === new Date(now(rt)).getUTCFullYear()) return `${month(p.startMs)}${two(new Date(p.startMs).getUTCDate())}`;
  return String(new Date(p.startMs).getUTCFullYear());
}

/** BSD TIME: cumulative CPU as M:SS (minutes unbounded). */
function bsdTime(p: Proc, rt: Runtime): string {
  const s = Math.floor(cpuMs(p, now(rt)) / 1000);
  return `${Math.floor(s / 60)}:${two(s % 60)}`;
}

/** UNIX TIME: [DD-]HH:MM:SS. */
function unixTime(p: Proc, rt: Runtime): string {
  const s = Math.floor(cpuMs(p, now(rt)) / 1000);
  const d = Math.floor(s / 86400);
  const hms = `${two(Math.floor((s % 86400) / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
  return d ? `${d}-${hms}` : hms;
}

function etime(p: Proc, rt: Runtime): string {
  const s = Math.floor((now(rt) - p.startMs) / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const mmss = `${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
  if (d) return `${d}-${two(h)}:${mmss}`;
  return h ? `${two(h)}:${mmss}` : mmss;
}

/** procps truncates user names wider than the column to 7 chars plus '+'. */
const user = (width: number) => (p: Proc, rt: Runtime): string => {
  const name = userName(rt.host.state, p.uid);
  return name.length > width ? `${name.slice(0, width - 1)}+` : name;
};

const COLUMNS: Record<string, Column> = {
  user: { header: "USER", width: 8, align: "L", value: user(8) },
  uid: { header: "UID", width: 8, align: "L", value: user(8) },
  pid: { header: "PID", width: 7, align: "R", value: (p) => String(p.pid) },
  ppid: { header: "PPID", width: 7, align: "R", value: (p) => String(p.ppid) },
  "%cpu": { header: "%CPU", width: 4, align: "R", value: cpuPct },
  pcpu: { header: "%CPU", width: 4, align: "R", value: cpuPct },
  "%mem": { header: "%MEM", width: 4, align: "R", value: memPct },
  pmem: { header: "%MEM", width: 4, align: "R", value: memPct },
  vsz: { header: "VSZ", width: 6, align: "R", value: (p, rt) => String(vszKb(p, now(rt))) },
  rss: { header: "RSS", width: 5, align: "R", value: (p, rt) => String(rssKb(p, now(rt))) },
  tty: { header: "TT", width: 8, align: "L", value: tty },
  stat: { header: "STAT", width: 4, align: "L", value: stat },
  s: { header: "S", width: 1, align: "L", value: (p) => p.state },
  start: { header: "STARTED", width: 8, align: "R", value: start },
  etime: { header: "ELAPSED", width: 11, align: "R", value: etime },
  time: { header: "TIME", width: 8, align: "R", value: unixTime },
  comm: { header: "COMMAND", width: 15, align: "L", value: (p) => p.comm },
  args: { header: "COMMAND", width: 27, align: "L", value: args },
  cmd: { header: "CMD", width: 27, align: "L", value: args },
  command: { header: "COMMAND", width: 27, align: "L", value: args },
  nlwp: { header: "NLWP", width: 4, align: "R", value: () => "1" },
  ni: { header: "NI", width: 3, align: "R", value: (p) => String(p.nice) },
};

const AUX: Column[] = [
  COLUMNS.user!, COLUMNS.pid!, COLUMNS["%cpu"]!, COLUMNS["%mem"]!, COLUMNS.vsz!, COLUMNS.rss!,
  { ...COLUMNS.tty!, header: "TTY" }, COLUMNS.stat!, { header: "START", width: 5, align: "L", value: start },
  { header: "TIME", width: 6, align: "R", value: bsdTime }, COLUMNS.command!,
];

const EF: Column[] = [
  { ...COLUMNS.uid!, header: "UID" }, COLUMNS.pid!, COLUMNS.ppid!,
  { header: "C", width: 2, align: "R", value: (p, rt) => String(Math.floor(Number(cpuPct(p, rt)))) },
  { header: "STIME", width: 5, align: "L", value: start }, { ...COLUMNS.tty!, header: "TTY" },
  { header: "TIME", width: 8, align: "R", value: unixTime }, COLUMNS.cmd!,
];

const BARE: Column[] = [COLUMNS.pid!, { ...COLUMNS.tty!, header: "TTY" }, { header: "TIME", width: 8, align: "R", value: unixTime }, { ...COLUMNS.comm!, header: "CMD" }];

function render(cols: Column[], procs: Proc[], rt: Runtime, header = true): string {
  const line = (cells: string[]): string => {
    let out = "";
    cells.forEach((cell, i) => {
      const col = cols[i]!;
      const last = i === cols.length - 1;
      const text = col.align === "R" ? cell.padStart(col.width) : last ? cell : cell.padEnd(col.width);
      out += (i ? " " : "") + text;
    });
    return out.trimEnd() + "\n";
  };
  // `-o pid=,comm=` blanks every header, and then procps prints no header line at all.
  const showHeader = header && cols.some((c) => c.header !== "");
  let out = showHeader ? line(cols.map((c) => c.header)) : "";
  for (const p of procs) out += line(cols.map((c) => c.value(p, rt)));
  return out;
}

export const ps: HostCommand = {
  name: "ps",
  async run(argv, _ctx, rt) {
    const state = rt.host.state;
    let mode: "bare" | "aux" | "ef" | "o" = "bare";
    let all = false;
    let custom: Column[] = [];
    let noHeader = false;
    const pids: number[] = [];
    const users: string[] = [];
    const names: string[] = [];
    let sort: string | null = null;
    // UNIX flags cluster (`-eo pid,comm`, `-ef`, `-eF`): split them so each is handled below.
    const flags = argv.flatMap((a) => (/^-[eAfFwHo]{2,}$/.test(a) ? [...a.slice(1)].map((ch) => `-${ch}`) : [a]));
    for (let i = 0; i < flags.length; i++) {
      const a = flags[i]!;
      const next = (): string => flags[++i] ?? "";
      if (/^[aux]+$/.test(a)) { mode = mode === "o" ? "o" : "aux"; all = true; }
      else if (a === "-e" || a === "-A") all = true;
      else if (a === "-f" || a === "-F") mode = mode === "o" ? "o" : "ef";
      else if (a === "-o" || a === "o" || a.startsWith("-o") || a.startsWith("--format")) {
        const spec = a === "-o" || a === "o" || a === "--format" ? next() : a.replace(/^(-o|--format=)/, "");
        for (const raw of spec.split(",")) {
          const [key, label] = raw.split("=") as [string, string?];
          const col = COLUMNS[key.toLowerCase()];
          if (!col) return fail(`error: unknown user-defined format specifier "${key}"\n\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n`);
          custom.push(label !== undefined ? { ...col, header: label } : col);
        }
        mode = "o";
      } else if (a === "-p" || a === "p" || a === "--pid") pids.push(...next().split(",").map(Number));
      else if (/^-p[0-9,]+$/.test(a)) pids.push(...a.slice(2).split(",").map(Number));
      else if (a === "-u" || a === "-U" || a === "--user") users.push(...next().split(","));
      else if (a === "-C") names.push(...next().split(","));
      else if (a.startsWith("--sort=") || a === "--sort") sort = a === "--sort" ? next() : a.slice(7);
      else if (a === "--no-headers" || a === "h") noHeader = true;
      else if (a === "-ww" || a === "ww" || a === "-w" || a === "w") continue;
      else return fail(`error: unsupported option (BSD syntax)\n\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n`);
    }
    // ps sees itself and the rest of its pipeline, all children of the login shell.
    let procs = [...Object.values(state.procs), ...pipelineProcs(rt, "ps", argv)];
    const filtered = pids.length || users.length || names.length;
    if (filtered) {
      procs = procs.filter((p) => pids.includes(p.pid) || users.includes(userName(state, p.uid)) || users.includes(String(p.uid)) || names.includes(p.comm));
    } else if (!all) {
      procs = procs.filter((p) => p.tty === "pts/0" && p.uid === rt.cred.uid);
    }
    procs.sort((a, b) => a.pid - b.pid);
    if (sort) {
      const desc = sort.startsWith("-");
      const col = COLUMNS[sort.replace(/^[-+]/, "").toLowerCase()];
      if (col) {
        const num = col.align === "R";
        procs.sort((a, b) => {
          const va = col.value(a, rt);
          const vb = col.value(b, rt);
          const c = num ? Number(va) - Number(vb) : va < vb ? -1 : va > vb ? 1 : 0;
          return desc ? -c : c;
        });
      }
    }
    const cols = mode === "aux" ? AUX : mode === "ef" ? EF : mode === "o" ? custom : BARE;
    const out = render(cols, procs, rt, !noHeader);
    return { ...ok(out), exitCode: filtered && procs.length === 0 ? 1 : 0 };
  },
};

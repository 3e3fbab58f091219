import { cpuMs, rssKb, threads, vszKb } from "../../state/procs.ts";
import { groupName, userName } from "../../state/users.ts";
import type { Proc } from "../../state/types.ts";
import { MEM_TOTAL_KB } from "../../state/memory.ts";
import * as f from "./fields.ts";
import type { PsView } from "./fields.ts";

/**
 * procps-ng 4.0.2's format specifiers: header, width and alignment as in its
 * format_array, with the pid-like columns widened to the 7 digits of
 * Debian 12's pid_max (4194304, set by systemd).
 */

export interface Column {
  header: string;
  width: number;
  align: "L" | "R";
  value(p: Proc, v: PsView): string;
  /** What --sort compares; the printed value when absent. */
  key?(p: Proc, v: PsView): number | string;
  /** How an over-wide value is cut when another column follows: user names end in "+", wchan is chopped. */
  cut?: "user" | "chop";
  /** Command columns carry the --forest / -H tree prefix. */
  command?: boolean;
}

const now = (v: PsView): number => v.rt.host.now;
const PID_WIDTH = 7;

export const cpuPct = (p: Proc, v: PsView): number => {
  const elapsed = now(v) - p.startMs;
  return elapsed <= 0 ? 0 : (cpuMs(p, now(v)) * 100) / elapsed;
};
const memPct = (p: Proc, v: PsView): number => (rssKb(p, now(v)) * 100) / MEM_TOTAL_KB;
/** Kernel threads show their full name (workqueue workers append what they serve) in brackets. */
export const args = (p: Proc): string => (p.state === "Z" ? `[${p.comm}] <defunct>` : f.isKernel(p) ? `[${String(p.params?.kthread ?? p.comm)}]` : p.argv.join(" "));
const tty = (p: Proc): string => p.tty ?? "?";
const stat = (p: Proc): string => p.state + (p.statFlags ?? "");
const user = (p: Proc, v: PsView): string => userName(v.rt.host.state, p.uid);
const pidCol = (header: string, get: (p: Proc, v: PsView) => number): Column => ({ header, width: PID_WIDTH, align: "R", value: (p, v) => String(get(p, v)), key: get });
const num = (header: string, width: number, get: (p: Proc, v: PsView) => number): Column => ({ header, width, align: "R", value: (p, v) => String(get(p, v)), key: get });

const cpuTime = (p: Proc, v: PsView): number => Math.floor(cpuMs(p, now(v)) / 1000);
const COMM: Column = { header: "COMMAND", width: 15, align: "L", value: (p) => p.comm, command: true };
const ARGS: Column = { header: "COMMAND", width: 27, align: "L", value: args, command: true };
const USER: Column = { header: "USER", width: 8, align: "L", value: user, cut: "user" };
const TIME: Column = { header: "TIME", width: 8, align: "R", value: (p, v) => f.unixTime(p, now(v)), key: cpuTime };
const ETIME: Column = { header: "ELAPSED", width: 11, align: "R", value: (p, v) => f.etime(p, now(v)), key: f.elapsedSec };
const STIME: Column = { header: "STIME", width: 5, align: "R", value: (p, v) => f.stime(p, now(v)), key: (p) => p.startMs };
/** procps prints per-mille figures cut (not rounded) to one decimal; %CPU above 99.9 loses the decimal. */
const permille = (pct: number): number => Math.floor(pct * 10 + 1e-9);
const PCPU: Column = {
  header: "%CPU", width: 4, align: "R", key: cpuPct,
  value: (p, v) => { const m = permille(cpuPct(p, v)); return m > 999 ? String(Math.floor(m / 10)) : `${Math.floor(m / 10)}.${m % 10}`; },
};
const PMEM: Column = {
  header: "%MEM", width: 4, align: "R", key: memPct,
  value: (p, v) => { const m = Math.min(999, permille(memPct(p, v))); return `${Math.floor(m / 10)}.${m % 10}`; },
};
const TTY: Column = { header: "TT", width: 8, align: "L", value: tty };

export const COLUMNS: Record<string, Column> = {
  pid: pidCol("PID", (p) => p.pid),
  tgid: pidCol("TGID", (p) => p.pid),
  ppid: pidCol("PPID", (p) => p.ppid),
  pgid: pidCol("PGID", f.pgid),
  pgrp: pidCol("PGRP", f.pgid),
  sid: pidCol("SID", f.sid),
  sess: pidCol("SESS", f.sid),
  session: pidCol("SESS", f.sid),
  tpgid: pidCol("TPGID", f.tpgid),
  lwp: pidCol("LWP", f.tid),
  tid: pidCol("TID", f.tid),
  spid: pidCol("SPID", f.tid),
  user: USER,
  euser: { ...USER, header: "EUSER" },
  ruser: { ...USER, header: "RUSER" },
  uname: USER,
  uid: num("UID", 5, (p) => p.uid),
  euid: num("EUID", 5, (p) => p.uid),
  gid: num("GID", 5, (p) => p.gid),
  group: { header: "GROUP", width: 8, align: "L", value: (p, v) => groupName(v.rt.host.state, p.gid), cut: "user" },
  "%cpu": PCPU,
  pcpu: PCPU,
  c: num("C", 2, (p, v) => Math.min(99, Math.floor(cpuPct(p, v)))),
  "%mem": PMEM,
  pmem: PMEM,
  vsz: num("VSZ", 6, (p, v) => vszKb(p, now(v))),
  vsize: num("VSZ", 6, (p, v) => vszKb(p, now(v))),
  rss: num("RSS", 5, (p, v) => rssKb(p, now(v))),
  rssize: num("RSS", 5, (p, v) => rssKb(p, now(v))),
  rsz: num("RSZ", 5, (p, v) => rssKb(p, now(v))),
  sz: num("SZ", 5, (p, v) => Math.ceil(vszKb(p, now(v)) / 4)),
  tty: TTY,
  tt: TTY,
  tname: { ...TTY, header: "TTY" },
  stat: { header: "STAT", width: 4, align: "L", value: stat },
  s: { header: "S", width: 1, align: "L", value: (p) => p.state },
  state: { header: "S", width: 1, align: "L", value: (p) => p.state },
  ni: { header: "NI", width: 3, align: "R", value: (p) => String(f.nice(p) ?? "-"), key: (p) => f.nice(p) ?? -100 },
  nice: { header: "NI", width: 3, align: "R", value: (p) => String(f.nice(p) ?? "-"), key: (p) => f.nice(p) ?? -100 },
  pri: num("PRI", 3, f.pri),
  opri: num("PRI", 3, f.opri),
  f: num("F", 1, f.flags),
  flags: num("F", 1, f.flags),
  addr_1: { header: "ADDR", width: 1, align: "L", value: () => "-" },
  psr: num("PSR", 3, f.psr),
  nlwp: num("NLWP", 4, threads),
  thcount: num("THCNT", 5, threads),
  wchan: { header: "WCHAN", width: 6, align: "L", value: f.wchan, cut: "chop" },
  start: { header: "STARTED", width: 8, align: "R", value: (p, v) => f.startLong(p, now(v)), key: (p) => p.startMs },
  bsdstart: { header: "START", width: 6, align: "R", value: (p, v) => f.bsdStart(p, now(v)), key: (p) => p.startMs },
  stime: STIME,
  start_time: { ...STIME, header: "START" },
  lstart: { header: "STARTED", width: 24, align: "R", value: (p) => f.lstart(p), key: (p) => p.startMs },
  etime: ETIME,
  etimes: num("ELAPSED", 7, f.elapsedSec),
  time: TIME,
  cputime: TIME,
  bsdtime: { header: "TIME", width: 6, align: "R", value: (p, v) => f.bsdTime(p, now(v)), key: cpuTime },
  cputimes: num("TIME", 8, cpuTime),
  times: num("TIME", 8, cpuTime),
  comm: COMM,
  ucmd: { ...COMM, header: "CMD" },
  ucomm: COMM,
  args: ARGS,
  command: ARGS,
  cmd: { ...ARGS, header: "CMD" },
};

export const col = (name: string, header?: string): Column => {
  const c = COLUMNS[name];
  if (!c) throw new Error(`no ps column ${name}`);
  return header === undefined ? c : { ...c, header };
};

/** The canned formats: -f (uid shown as a name, as procps's "uid_hack"), -F, -l, BSD u, j and the BSD default. */
export const FORMATS = {
  bare: [col("pid"), col("tname", "TTY"), col("time"), col("ucmd")],
  f: [col("user", "UID"), col("pid"), col("ppid"), col("c"), col("stime"), col("tname", "TTY"), col("time"), col("cmd")],
  F: [col("user", "UID"), col("pid"), col("ppid"), col("c"), col("sz"), col("rss"), col("psr"), col("stime"), col("tname", "TTY"), col("time"), col("cmd")],
  bsd: [col("pid"), col("tname", "TTY"), col("stat"), col("bsdtime"), col("args")],
  u: [col("user"), col("pid"), col("%cpu"), col("%mem"), col("vsz"), col("rss"), col("tname", "TTY"), col("stat"), col("start_time"), col("bsdtime"), col("args")],
  l: [col("f"), col("s"), col("uid"), col("pid"), col("ppid"), col("c"), col("opri"), col("ni"), col("addr_1"), col("sz"), col("wchan"), col("tname", "TTY"), col("time"), col("ucmd")],
  lf: [col("f"), col("s"), col("user", "UID"), col("pid"), col("ppid"), col("c"), col("opri"), col("ni"), col("addr_1"), col("sz"), col("wchan"), col("stime"), col("tname", "TTY"), col("time"), col("cmd")],
  ly: [col("s"), col("uid"), col("pid"), col("ppid"), col("c"), col("opri"), col("ni"), col("rss"), col("sz"), col("wchan"), col("tname", "TTY"), col("time"), col("ucmd")],
  lyf: [col("s"), col("user", "UID"), col("pid"), col("ppid"), col("c"), col("opri"), col("ni"), col("rss"), col("sz"), col("wchan"), col("stime"), col("tname", "TTY"), col("time"), col("cmd")],
  j: [col("ppid"), col("pid"), col("pgid"), col("sid"), col("tname", "TTY"), col("tpgid"), col("stat"), col("uid"), col("bsdtime"), col("args")],
} satisfies Record<string, Column[]>;

import { userByName, userName } from "../../state/users.ts";
import type { Proc } from "../../state/types.ts";
import { fail, ok, type HostCommand } from "../types.ts";
import { col, COLUMNS, FORMATS, type Column } from "./columns.ts";
import { threadRows, type PsView } from "./fields.ts";
import { forest, type TreeRow } from "./forest.ts";
import { pipelineProcs } from "./pipeline.ts";

/**
 * ps from procps-ng 4.0.2: UNIX options (-ef, -eF, -el, -ely, -eo, -p,
 * --ppid, -u, -C, -H, -L, -T), BSD ones (aux, ax, axjf, auxf, ux, k, ww),
 * --sort, --forest and --no-headers. Columns are procps's format specifiers
 * (columns.ts), derived values such as session ids and wchan come from
 * fields.ts, the process tree from forest.ts.
 */

const USAGE = "\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n";
const usage = (msg: string) => fail(`error: ${msg}\n${USAGE}`);

interface Options {
  format: keyof typeof FORMATS | "o";
  custom: Column[];
  /** -e / ax: everything; a: every terminal's; x: the user's, terminal or not. */
  all: boolean;
  bsdA: boolean;
  bsdX: boolean;
  pids: number[];
  ppids: number[];
  users: string[];
  names: string[];
  sort: string[];
  tree: "bsd" | "unix" | null;
  header: boolean;
  /** 0: terminal width, 1: 132 columns, 2+: unlimited (w, ww). */
  wide: number;
  /** -L (LWP column) or -T (SPID column): one row per thread. */
  threads: "L" | "T" | null;
  /** UNIX -j: PGID and SID columns in the canned format. */
  jobs: boolean;
}

function parseFormat(spec: string, into: Column[]): string | null {
  for (const raw of spec.split(/[,\s]+/).filter(Boolean)) {
    const [nameWidth, label] = raw.split(/=(.*)/s) as [string, string?];
    const [name, width] = nameWidth.split(":") as [string, string?];
    const col = COLUMNS[name.toLowerCase()];
    if (!col) return `unknown user-defined format specifier "${name}"`;
    into.push({ ...col, ...(label !== undefined ? { header: label } : {}), ...(width && /^\d+$/.test(width) ? { width: Number(width) } : {}) });
  }
  return null;
}

const list = (s: string): string[] => s.split(/[,\s]+/).filter(Boolean);

function parse(argv: string[]): Options | ReturnType<typeof fail> {
  const o: Options = { format: "bare", custom: [], all: false, bsdA: false, bsdX: false, pids: [], ppids: [], users: [], names: [], sort: [], tree: null, header: true, wide: 0, threads: null, jobs: false };
  let bsdFormat: "u" | "j" | null = null;
  let unixFormat: "f" | "F" | null = null;
  let long = false;
  let y = false;
  let bsd = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = (): string | undefined => argv[++i];
    if (a.startsWith("--")) {
      const [name, inline] = a.split(/=(.*)/s) as [string, string?];
      const value = (): string | undefined => inline ?? next();
      if (name === "--forest") o.tree = "bsd";
      else if (name === "--no-headers" || name === "--no-heading") o.header = false;
      else if (name === "--headers") o.header = true;
      else if (name === "--sort") {
        const v = value();
        if (!v) return usage("long sort specification must follow 'sort'");
        o.sort.push(...list(v));
      } else if (name === "--format") {
        const v = value();
        if (!v) return usage("format specification must follow --format");
        const err = parseFormat(v, o.custom);
        if (err) return usage(err);
        o.format = "o";
      } else if (name === "--pid" || name === "--ppid") {
        const v = value();
        if (!v || !list(v).every((x) => /^\d+$/.test(x))) return usage(`process ID list syntax error`);
        (name === "--pid" ? o.pids : o.ppids).push(...list(v).map(Number));
      } else if (name === "--user" || name === "--User") {
        const v = value();
        if (!v) return usage("user name list must follow --user");
        o.users.push(...list(v));
      } else if (name === "--cols" || name === "--columns" || name === "--width") { value(); o.wide = 2; }
      else return usage("unknown gnu long option");
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const ch = a[j]!;
        const rest = a.slice(j + 1);
        const arg = (): string | undefined => (rest ? rest : next());
        if (ch === "e" || ch === "A") o.all = true;
        else if (ch === "f") unixFormat = unixFormat ?? "f";
        else if (ch === "F") unixFormat = "F";
        else if (ch === "H") o.tree = "unix";
        else if (ch === "l") long = true;
        else if (ch === "L" || ch === "T") o.threads = ch;
        else if (ch === "j") o.jobs = true;
        else if (ch === "y") y = true;
        else if (ch === "w") o.wide++;
        else if (ch === "o" || ch === "p" || ch === "u" || ch === "U" || ch === "C" || ch === "q") {
          const v = arg();
          if (ch === "o") {
            if (!v) return usage("format specification must follow -o");
            const err = parseFormat(v, o.custom);
            if (err) return usage(err);
            o.format = "o";
          } else if (ch === "p" || ch === "q") {
            if (!v) return usage("list of process IDs must follow -p");
            if (!list(v).every((x) => /^\d+$/.test(x))) return usage("process ID list syntax error");
            o.pids.push(...list(v).map(Number));
          } else if (ch === "C") {
            if (!v) return usage("list of command names must follow -C");
            o.names.push(...list(v));
          } else {
            if (!v) return usage("list of users must follow -u");
            o.users.push(...list(v));
          }
          break;
        } else return usage("unsupported SysV option");
      }
      continue;
    }
    // BSD options: a cluster of letters without a dash; o/p/U/k take the next word.
    bsd = true;
    for (let j = 0; j < a.length; j++) {
      const ch = a[j]!;
      const rest = a.slice(j + 1);
      if (ch === "a") o.bsdA = true;
      else if (ch === "x") o.bsdX = true;
      else if (ch === "u") bsdFormat = "u";
      else if (ch === "j") bsdFormat = "j";
      else if (ch === "f") o.tree = "bsd";
      else if (ch === "w") o.wide++;
      else if (ch === "h") o.header = false;
      else if (ch === "e") continue;
      else if (ch === "o" || ch === "p" || ch === "U" || ch === "k" || ch === "O") {
        const v = rest || next();
        if (!v) return usage("unsupported option (BSD syntax)");
        if (ch === "o" || ch === "O") {
          const err = parseFormat(v, o.custom);
          if (err) return usage(err);
          o.format = "o";
        } else if (ch === "p") o.pids.push(...list(v).map(Number));
        else if (ch === "U") o.users.push(...list(v));
        else o.sort.push(...list(v));
        break;
      } else return usage("unsupported option (BSD syntax)");
    }
  }
  // -l is the long UNIX format (-y swaps ADDR for RSS and drops F); with -f its UID is a name and STIME shows.
  const longFormat = long ? (`l${y ? "y" : ""}${unixFormat ? "f" : ""}` as "l" | "ly" | "lf" | "lyf") : null;
  if (o.format !== "o") o.format = bsdFormat ?? longFormat ?? unixFormat ?? (bsd && (o.bsdA || o.bsdX) ? "bsd" : "bare");
  return o;
}

/** Which processes the selection picks: any listed pid/ppid/user/command, else all, else the terminal's own. */
function select(procs: Proc[], o: Options, v: PsView): Proc[] {
  const state = v.rt.host.state;
  const byUser = (p: Proc): boolean => o.users.includes(userName(state, p.uid)) || o.users.includes(String(p.uid));
  if (o.pids.length || o.ppids.length || o.users.length || o.names.length) {
    return procs.filter((p) => o.pids.includes(p.pid) || o.ppids.includes(p.ppid) || byUser(p) || o.names.includes(p.comm));
  }
  if (o.all || (o.bsdA && o.bsdX)) return procs;
  if (o.bsdA) return procs.filter((p) => p.tty !== null);
  if (o.bsdX) return procs.filter((p) => p.uid === v.rt.cred.uid);
  return procs.filter((p) => p.tty === "pts/0" && p.uid === v.rt.cred.uid);
}

/** --sort / k: comma-separated keys, "-" for descending; ties keep pid order. */
function sortProcs(procs: Proc[], keys: string[], v: PsView): Proc[] | string {
  const cmps: ((a: Proc, b: Proc) => number)[] = [];
  for (const spec of keys) {
    const desc = spec.startsWith("-");
    const col = COLUMNS[spec.replace(/^[-+]/, "").toLowerCase()];
    if (!col) return "unknown sort specifier";
    const key = col.key ?? ((p: Proc) => col.value(p, v));
    cmps.push((a, b) => {
      const ka = key(a, v);
      const kb = key(b, v);
      const c = typeof ka === "number" && typeof kb === "number" ? ka - kb : String(ka) < String(kb) ? -1 : String(ka) > String(kb) ? 1 : 0;
      return desc ? -c : c;
    });
  }
  return [...procs].sort((a, b) => {
    for (const c of cmps) {
      const r = c(a, b);
      if (r) return r;
    }
    return 0;
  });
}

/**
 * procps's show_one_proc: each column has a "correct" start (the widths so
 * far plus one separator each); a right-aligned value is padded to end at its
 * column's edge, a left-aligned one is not padded itself, and the padding
 * before the next value catches up with where it should start (at least one
 * space). A value wider than its column is therefore absorbed by the padding
 * of the columns after it, as "ADDR SZ" in `ps -l` shows.
 */
function render(cols: Column[], rows: TreeRow[], v: PsView, header: boolean, width: number | null): string {
  const line = (cells: string[]): string => {
    let out = "";
    let correct = 0;
    let actual = 0;
    cells.forEach((cell, i) => {
      const col = cols[i]!;
      const last = i === cols.length - 1;
      let text = cell;
      if (!last && text.length > col.width && col.cut === "user") text = `${text.slice(0, col.width - 1)}+`;
      if (!last && text.length > col.width && col.cut === "chop") text = text.slice(0, col.width);
      const leftpad = col.align === "R" ? Math.max(0, col.width - text.length) : 0;
      let space = correct - actual + leftpad;
      if (space < 1) space = i === 0 ? 0 : 1;
      out += " ".repeat(space) + text;
      actual += space + text.length;
      correct += col.width + 1;
    });
    return (width === null ? out : out.slice(0, width)) + "\n";
  };
  // `-o pid=,comm=` blanks every header, and then procps prints no header line at all.
  const showHeader = header && cols.some((c) => c.header !== "");
  let out = showHeader ? line(cols.map((c) => c.header)) : "";
  for (const { proc, prefix } of rows) out += line(cols.map((c) => (c.command ? prefix : "") + c.value(proc, v)));
  return out;
}

/** UNIX -j: PGID and SID after PPID, or after PID where there is none. */
function withJobColumns(cols: Column[], jobs: boolean): Column[] {
  if (!jobs) return cols;
  const out = [...cols];
  const ppid = out.findIndex((c) => c.header === "PPID");
  out.splice((ppid >= 0 ? ppid : out.findIndex((c) => c.header === "PID")) + 1, 0, col("pgid"), col("sid"));
  return out;
}

/**
 * The canned formats with threads: -T puts SPID after PID; -L puts LWP after
 * PPID (after PID where there is none) and, in -f/-F/u, NLWP after C or %CPU.
 */
function withThreadColumns(cols: Column[], threads: "L" | "T" | null, full: boolean): Column[] {
  if (!threads) return cols;
  const out = [...cols];
  const at = (header: string): number => out.findIndex((c) => c.header === header);
  if (threads === "T") {
    out.splice(at("PID") + 1, 0, col("spid"));
    return out;
  }
  const ppid = at("PPID");
  out.splice((ppid >= 0 ? ppid : at("PID")) + 1, 0, col("lwp"));
  const c = at("C") >= 0 ? at("C") : at("%CPU");
  if (full && c >= 0) out.splice(c + 1, 0, col("nlwp"));
  return out;
}

export const ps: HostCommand = {
  name: "ps",
  async run(argv, _ctx, rt) {
    const parsed = parse(argv);
    if ("exitCode" in parsed) return parsed;
    const o = parsed;
    // Names are looked up while parsing (numeric ids are taken as they are).
    if (o.users.some((u) => !/^\d+$/.test(u) && !userByName(rt.host.state, u))) return usage("user name does not exist");
    // ps sees itself and the rest of its pipeline, all children of the login shell.
    const job = pipelineProcs(rt, "ps", argv);
    const all = [...Object.values(rt.host.state.procs), ...job];
    const view: PsView = { rt, byPid: new Map(all.map((p) => [p.pid, p])), job: new Set(job.map((p) => p.pid)), jobPgid: Math.min(...job.map((p) => p.pid)) };
    let procs = select(all, o, view).sort((a, b) => a.pid - b.pid);
    if (o.sort.length) {
      const sorted = sortProcs(procs, o.sort, view);
      if (typeof sorted === "string") return usage(sorted);
      procs = sorted;
    }
    let rows: TreeRow[] = o.tree ? forest(procs, o.tree) : procs.map((proc) => ({ proc, prefix: "" }));
    const cols = o.format === "o" ? o.custom : withThreadColumns(withJobColumns(FORMATS[o.format], o.jobs), o.threads, ["f", "F", "u"].includes(o.format));
    if (o.threads) rows = rows.flatMap(({ proc, prefix }) => threadRows(proc, view).map((t) => ({ proc: t, prefix })));
    // On a terminal procps cuts lines at its width; w allows 132 columns, ww (or a pipe) no limit.
    const tty = rt.terminalColumns && rt.ttyWriters?.has("ps") ? rt.terminalColumns : null;
    const width = tty === null || o.wide >= 2 ? null : o.wide === 1 ? Math.max(132, tty) : tty;
    const out = render(cols, rows, view, o.header, width);
    return { ...ok(out), exitCode: procs.length === 0 ? 1 : 0 };
  },
};

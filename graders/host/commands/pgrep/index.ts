import { SysError } from "../../state/errors.ts";
import { userByName } from "../../state/users.ts";
import type { Proc } from "../../state/types.ts";
import type { Runtime } from "../../shell/runtime.ts";
import { parseSignal } from "../kill/signals.ts";
import type { HostCommand } from "../types.ts";

/**
 * pgrep, pkill and pidof from procps-ng 4.0.2. The pattern is an extended
 * regex over the process name (15 characters, like /proc/PID/comm) or, with
 * -f, the whole command line; pgrep never matches itself.
 */

interface Selection {
  pattern: string | null;
  full: boolean;
  exact: boolean;
  users: string[];
  parents: number[];
  newest: boolean;
  oldest: boolean;
  ignoreCase: boolean;
}

function select(rt: Runtime, sel: Selection): Proc[] | string {
  let re: RegExp | null = null;
  if (sel.pattern !== null) {
    try {
      re = new RegExp(sel.exact ? `^(?:${sel.pattern})$` : sel.pattern, sel.ignoreCase ? "i" : "");
    } catch {
      return `pgrep: invalid regular expression: ${sel.pattern}`;
    }
  }
  const uids: number[] = [];
  for (const u of sel.users) {
    const entry = userByName(rt.host.state, u);
    if (!entry && !/^\d+$/.test(u)) return `invalid user name: ${u}`;
    uids.push(entry ? entry.uid : Number(u));
  }
  let procs = Object.values(rt.host.state.procs).filter((p) => {
    if (p.state === "Z" && sel.full) return false;
    const subject = sel.full ? (p.argv.length ? p.argv.join(" ") : p.comm) : p.comm.slice(0, 15);
    if (re && !re.test(subject)) return false;
    if (uids.length && !uids.includes(p.uid)) return false;
    if (sel.parents.length && !sel.parents.includes(p.ppid)) return false;
    return true;
  });
  procs.sort((a, b) => a.pid - b.pid);
  if (sel.newest) procs = procs.length ? [procs.reduce((a, b) => (b.startMs >= a.startMs ? b : a))] : [];
  if (sel.oldest) procs = procs.length ? [procs.reduce((a, b) => (b.startMs < a.startMs ? b : a))] : [];
  return procs;
}

function parse(tool: "pgrep" | "pkill", args: string[]): { sel: Selection; list: "" | "l" | "a"; count: boolean; delim: string; sig: number } | string {
  const sel: Selection = { pattern: null, full: false, exact: false, users: [], parents: [], newest: false, oldest: false, ignoreCase: false };
  let list: "" | "l" | "a" = "";
  let count = false;
  let delim = "\n";
  let sig = 15;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "-u" || a === "-U" || a === "--euid" || a === "--uid") sel.users.push(...(args[++i] ?? "").split(","));
    else if (a === "-P" || a === "--parent") sel.parents.push(...(args[++i] ?? "").split(",").map(Number));
    else if (a === "-d" || a === "--delimiter") delim = args[++i] ?? "\n";
    else if (a.startsWith("--delimiter=")) delim = a.slice("--delimiter=".length);
    else if (/^-d./.test(a)) delim = a.slice(2);
    else if (a === "--signal") {
      const n = parseSignal(args[++i] ?? "");
      if (n === null) return `${tool}: Unknown signal "${args[i] ?? ""}".`;
      sig = n;
    } else if (a === "--full") sel.full = true;
    else if (a === "--exact") sel.exact = true;
    else if (a === "--count") count = true;
    else if (a === "--list-name") list = "l";
    else if (a === "--list-full") list = "a";
    else if (a === "--newest") sel.newest = true;
    else if (a === "--oldest") sel.oldest = true;
    else if (a.startsWith("-") && a.length > 1 && sel.pattern === null) {
      const sigSpec = tool === "pkill" ? parseSignal(a.slice(1)) : null;
      if (sigSpec !== null && !/^-[fxlacnoi]+$/.test(a)) {
        sig = sigSpec;
        continue;
      }
      for (const ch of a.slice(1)) {
        if (ch === "f") sel.full = true;
        else if (ch === "x") sel.exact = true;
        else if (ch === "l") list = "l";
        else if (ch === "a") list = "a";
        else if (ch === "c") count = true;
        else if (ch === "n") sel.newest = true;
        else if (ch === "o") sel.oldest = true;
        else if (ch === "i") sel.ignoreCase = true;
        else return `${tool}: invalid option -- '${ch}'\n\nUsage:\n ${tool} [options] <pattern>\n\nFor more details see ${tool}(1).`;
      }
    } else if (sel.pattern === null) sel.pattern = a;
    else return `${tool}: only one pattern can be provided\nTry \`${tool} --help' for more information.`;
  }
  if (sel.pattern === null && !sel.users.length && !sel.parents.length) {
    return `${tool}: no matching criteria specified\nTry \`${tool} --help' for more information.`;
  }
  return { sel, list, count, delim, sig };
}

export const pgrep: HostCommand = {
  name: "pgrep",
  async run(args, _ctx, rt) {
    const p = parse("pgrep", args);
    if (typeof p === "string") return { stdout: "", stderr: `${p}\n`, exitCode: 2 };
    const procs = select(rt, p.sel);
    if (typeof procs === "string") return { stdout: "", stderr: `pgrep: ${procs}\n`, exitCode: 2 };
    if (p.count) return { stdout: `${procs.length}\n`, stderr: "", exitCode: procs.length ? 0 : 1 };
    const line = (q: Proc): string => (p.list === "a" ? `${q.pid} ${q.argv.length ? q.argv.join(" ") : q.comm}` : p.list === "l" ? `${q.pid} ${q.comm}` : String(q.pid));
    const out = procs.map(line).join(p.delim);
    return { stdout: procs.length ? `${out}\n` : "", stderr: "", exitCode: procs.length ? 0 : 1 };
  },
};

export const pkill: HostCommand = {
  name: "pkill",
  async run(args, _ctx, rt) {
    const p = parse("pkill", args);
    if (typeof p === "string") return { stdout: "", stderr: `${p}\n`, exitCode: 2 };
    const procs = select(rt, p.sel);
    if (typeof procs === "string") return { stdout: "", stderr: `pkill: ${procs}\n`, exitCode: 2 };
    let stderr = "";
    let signalled = 0;
    for (const q of procs) {
      try {
        rt.host.signal(q.pid, p.sig, rt.cred);
        signalled++;
      } catch (e) {
        if (!(e instanceof SysError)) throw e;
        stderr += `pkill: killing pid ${q.pid} failed: ${e.text}\n`;
      }
    }
    if (p.count) return { stdout: `${signalled}\n`, stderr, exitCode: procs.length ? 0 : 1 };
    // procps exits 3 when every match failed to be signalled.
    return { stdout: "", stderr, exitCode: procs.length === 0 ? 1 : signalled === 0 ? 3 : 0 };
  },
};

export const pidof: HostCommand = {
  name: "pidof",
  async run(args, _ctx, rt) {
    const names = args.filter((a) => !a.startsWith("-"));
    const pids = Object.values(rt.host.state.procs)
      .filter((p) => p.state !== "Z" && names.some((n) => p.comm === n || p.argv[0] === n || p.argv[0]?.split("/").pop() === n))
      .map((p) => p.pid)
      .sort((a, b) => b - a);
    return { stdout: pids.length ? `${pids.join(" ")}\n` : "", stderr: "", exitCode: pids.length ? 0 : 1 };
  },
};

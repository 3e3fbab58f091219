import { CPU_COUNT } from "../../state/cpu.ts";
import { memInfo, MEM_TOTAL_KB } from "../../state/memory.ts";
import { cpuMs, rssKb, vszKb } from "../../state/procs.ts";
import { userByName, userName } from "../../state/users.ts";
import type { Proc } from "../../state/types.ts";
import type { Runtime } from "../../shell/runtime.ts";
import { uptimeLine } from "../uptime/index.ts";
import { fail, ok, type HostCommand } from "../types.ts";
import { startFollow } from "../../shell/follow/start.ts";
import type { TopOptions } from "../../shell/follow/types.ts";
import { enterScreen, screen } from "../../shell/follow/top.ts";

/**
 * top from procps-ng 4.0.2 (-b, -n, -d, -o, -u, -p, -c): the summary area and
 * the task table with its fixed columns. Batch mode (or output to a pipe)
 * prints frames one after the other; on a terminal top is full screen and
 * redraws every delay until q or Ctrl-C (shell/follow/top.ts).
 */

/** %CPU right now: what the process takes of one CPU while it runs. */
function cpuNow(p: Proc): number {
  if (p.state === "Z" || p.state === "T") return 0;
  return Math.min(100 * CPU_COUNT, p.cpuShare * 100);
}

/** TIME+ as M:SS.hh. */
function timePlus(ms: number): string {
  const hundredths = Math.floor(ms / 10);
  const m = Math.floor(hundredths / 6000);
  const s = Math.floor((hundredths % 6000) / 100);
  return `${m}:${String(s).padStart(2, "0")}.${String(hundredths % 100).padStart(2, "0")}`;
}

export function frame(rt: Runtime, { sortKey, users, pids, fullCmd }: TopOptions): string {
  const now = rt.host.now;
  const all = Object.values(rt.host.state.procs);
  const count = (st: string[]): number => all.filter((p) => st.includes(p.state)).length;
  const running = Math.max(1, count(["R"]) + all.filter((p) => p.state !== "R" && p.cpuShare >= 0.5).length);
  const lines: string[] = [];
  lines.push(`top - ${uptimeLine(rt).trimStart().replace(/\n$/, "")}`);
  lines.push(`Tasks: ${String(all.length).padStart(3)} total, ${String(running).padStart(3)} running, ${String(all.length - running - count(["T", "Z"])).padStart(3)} sleeping, ${String(count(["T"])).padStart(3)} stopped, ${String(count(["Z"])).padStart(3)} zombie`);
  const busy = all.reduce((n, p) => n + cpuNow(p), 0) / CPU_COUNT;
  const us = Math.min(100, busy * 0.9);
  const sy = Math.min(100 - us, busy * 0.1 + 0.1);
  const wa = Math.min(100 - us - sy, count(["D"]) * 50 / CPU_COUNT);
  const id = Math.max(0, 100 - us - sy - wa);
  const f1 = (n: number): string => n.toFixed(1).padStart(4);
  lines.push(`%Cpu(s): ${f1(us)} us, ${f1(sy)} sy, ${f1(0)} ni,${f1(id).padStart(5)} id, ${f1(wa)} wa, ${f1(0)} hi, ${f1(0)} si, ${f1(0)} st`);
  const m = memInfo(rt.host);
  const mib = (kb: number): string => (kb / 1024).toFixed(1).padStart(8);
  lines.push(`MiB Mem : ${mib(m.total)} total, ${mib(m.free)} free, ${mib(m.total - m.available)} used, ${mib(m.buffers + m.cached + m.sReclaimable)} buff/cache`);
  lines.push(`MiB Swap: ${mib(m.swapTotal)} total, ${mib(m.swapFree)} free, ${mib(m.swapTotal - m.swapFree)} used. ${mib(m.available)} avail Mem`);
  lines.push("");
  lines.push("    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND");
  let procs = all.filter((p) => (users.length === 0 || users.includes(p.uid)) && (pids.length === 0 || pids.includes(p.pid)));
  const keys: Record<string, (p: Proc) => number> = {
    "%CPU": cpuNow, "%MEM": (p) => rssKb(p, now), RES: (p) => rssKb(p, now), VIRT: (p) => vszKb(p, now),
    PID: (p) => -p.pid, "TIME+": (p) => cpuMs(p, now),
  };
  const key = keys[sortKey] ?? cpuNow;
  procs = [...procs].sort((a, b) => key(b) - key(a) || a.pid - b.pid);
  for (const p of procs) {
    const user = userName(rt.host.state, p.uid);
    const rss = rssKb(p, now);
    const cmd = fullCmd ? (p.argv.length ? p.argv.join(" ") : `[${p.comm}]`) : p.comm;
    lines.push(
      `${String(p.pid).padStart(7)} ${(user.length > 8 ? `${user.slice(0, 7)}+` : user).padEnd(8)} ${String(20 + p.nice).padStart(3)} ${String(p.nice).padStart(3)} ` +
        `${String(vszKb(p, now)).padStart(7)} ${String(rss).padStart(6)} ${String(Math.round(rss * 0.62)).padStart(6)} ${p.state} ` +
        `${cpuNow(p).toFixed(1).padStart(5)} ${((rss * 100) / MEM_TOTAL_KB).toFixed(1).padStart(5)} ${timePlus(cpuMs(p, now)).padStart(9)} ${cmd}`,
    );
  }
  return lines.join("\n") + "\n";
}

export const top: HostCommand = {
  name: "top",
  async run(args, _ctx, rt) {
    let frames: number | null = null;
    let batch = false;
    let delayMs = 3000;
    let sortKey = "%CPU";
    let fullCmd = false;
    const users: number[] = [];
    const pids: number[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      const value = (): string => (a.length > 2 ? a.slice(2) : (args[++i] ?? ""));
      if (a === "-b" || a === "-bc" || a === "-cb") {
        batch = true;
        fullCmd ||= a.includes("c");
      }
      else if (a === "-c") fullCmd = true;
      else if (/^-b?n/.test(a)) {
        batch ||= a.startsWith("-b");
        frames = Math.max(1, Number(a.replace(/^-b?n/, "") || args[++i]));
      }
      else if (a.startsWith("-d")) delayMs = Number(value()) * 1000;
      else if (a.startsWith("-o")) sortKey = value().replace(/^[+-]/, "").toUpperCase();
      else if (a.startsWith("-u") || a.startsWith("-U")) {
        const name = value();
        const u = userByName(rt.host.state, name);
        if (!u) return fail(`top: Invalid user\n`);
        users.push(u.uid);
      } else if (a.startsWith("-p")) pids.push(...value().split(",").map(Number));
      else if (a === "-H" || a === "-i" || a === "-E" || a.startsWith("-w")) continue;
      else return fail(`top: unknown option '${a.replace(/^-+/, "").charAt(0)}'\nUsage:\n  top -hv | -bcEeHiOSs1 -d secs -n max -u|U user -p pid(s) -o field -w [cols]\n`);
    }
    const opts: TopOptions = { sortKey, users, pids, fullCmd };
    // Full screen only on a terminal (also through sudo); `top | head` gets batch-like frames.
    if (!batch && rt.terminalColumns && rt.followToTerminal) {
      const spec = { kind: "top" as const, opts, delayMs, nextAtMs: rt.host.now + delayMs, framesLeft: frames === null ? null : frames - 1 };
      if (startFollow(rt, "top", spec)) return ok(enterScreen() + screen(rt, spec));
    }
    let out = "";
    for (let f = 0; f < (frames ?? 1); f++) {
      if (f > 0) {
        rt.host.advance(delayMs);
        out += "\n";
      }
      out += frame(rt, opts);
    }
    return ok(out);
  },
};

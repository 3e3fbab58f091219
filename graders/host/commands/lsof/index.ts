import { joinPath } from "../../state/paths.ts";
import * as fs from "../../state/fs.ts";
import { userName } from "../../state/users.ts";
import type { Proc } from "../../state/types.ts";
import { fail, ok, type HostCommand } from "../types.ts";
import { procRows, type LsofRow } from "./rows.ts";

/**
 * lsof 4.95: every open file of every process, or those selected by -p, -u,
 * -c, -i[:port] or path operands; +L1 for open files with no links left
 * (deleted but held open). Selections are ORed as lsof does without -a.
 * The FD column is the fd name right-aligned, then its mode and lock letters.
 */

function layout(rows: LsofRow[], withNlink: boolean): string {
  const w = (get: (r: LsofRow) => string, header: string, min = 0): number => Math.max(header.length, min, ...rows.map((r) => get(r).length));
  const wc = w((r) => r.command, "COMMAND");
  const wp = w((r) => String(r.pid), "PID");
  const wu = w((r) => r.user, "USER");
  const wf = w((r) => r.fd, "FD", 4);
  const wt = w((r) => r.type, "TYPE", 4);
  const wd = w((r) => r.device, "DEVICE");
  const ws = w((r) => r.sizeOff, "SIZE/OFF");
  const wl = w((r) => r.nlink, "NLINK");
  const wn = w((r) => r.node, "NODE");
  const line = (c: string, p: string, u: string, fd: string, mode: string, t: string, d: string, s: string, l: string, n: string, name: string): string =>
    `${c.padEnd(wc)} ${p.padStart(wp)} ${u.padEnd(wu)} ${fd.padStart(wf)}${mode.padEnd(1)}  ${t.padStart(wt)} ${d.padStart(wd)} ${s.padStart(ws)} ${withNlink ? `${l.padStart(wl)} ` : ""}${n.padStart(wn)} ${name}\n`;
  let out = line("COMMAND", "PID", "USER", "FD", " ", "TYPE", "DEVICE", "SIZE/OFF", "NLINK", "NODE", "NAME");
  for (const r of rows) out += line(r.command, String(r.pid), r.user, r.fd, r.mode, r.type, r.device, r.sizeOff, r.nlink, r.node, r.name);
  return out;
}

export const lsof: HostCommand = {
  name: "lsof",
  async run(args, ctx, rt) {
    const state = rt.host.state;
    const pids: number[] = [];
    const users: string[] = [];
    const commands: string[] = [];
    const ports: (number | null)[] = [];
    const paths: string[] = [];
    let linkMax: number | null = null;
    let numeric = false;
    let terse = false;
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (a === "-p") pids.push(...(args[++i] ?? "").split(",").map(Number));
      else if (a === "-u") users.push(...(args[++i] ?? "").split(","));
      else if (a === "-c") commands.push(args[++i] ?? "");
      else if (a.startsWith("-i")) {
        const spec = a.length > 2 ? a.slice(2) : /^(tcp|udp|:|\d)/i.test(args[i + 1] ?? "") ? (args[++i] ?? "") : "";
        const m = /:(\d+)$/.exec(spec);
        ports.push(m ? Number(m[1]) : null);
      } else if (/^\+L\d*$/.test(a)) linkMax = Number(a.slice(2) || "1");
      else if (a === "-n" || a === "-P" || a === "-nP" || a === "-Pn") numeric = numeric || a.includes("P");
      else if (a === "-t") terse = true;
      else if (a === "-w" || a === "-l" || a === "-V") continue;
      else if (a.startsWith("-") || a.startsWith("+")) return fail(`lsof: unknown option: ${a}\nlsof 4.95.0\n latest revision: https://github.com/lsof-org/lsof\n usage: [-?abhKlnNoOPRtUvVX] [+|-c c] [+|-d s] [+D D] [+|-E] [+|-e s] [+|-f[gG]]\n [-F [f]] [-g [s]] [-i [i]] [+|-L [l]] [+m [m]] [+|-M] [-o [o]] [-p s]\n [+|-r [t]] [-s [p:s]] [-S [t]] [-T [t]] [-u s] [+|-w] [-x [fl]] [--] [names]\n`);
      else paths.push(a);
    }
    const inos = new Set<number>();
    let stderr = "";
    for (const p of paths) {
      const found = fs.tryResolve(state, rt.cred, joinPath(ctx.cwd, p));
      if (!found) stderr += `lsof: status error on ${p}: No such file or directory\n`;
      else inos.add(found.inode.ino);
    }
    const procs = Object.values(state.procs).sort((a, b) => a.pid - b.pid);
    const procSelected = (p: Proc): boolean =>
      pids.includes(p.pid) || users.includes(userName(state, p.uid)) || users.includes(String(p.uid)) || commands.some((c) => p.comm.startsWith(c));
    const anyProcSel = pids.length + users.length + commands.length > 0;
    const anyRowSel = ports.length > 0 || inos.size > 0 || linkMax !== null;
    const rows: LsofRow[] = [];
    for (const p of procs) {
      for (const r of procRows(rt.host, p, userName(state, p.uid), rt.cred.uid, numeric)) {
        const byProc = anyProcSel && procSelected(p);
        const byRow =
          (ports.length > 0 && r.port !== undefined && ports.some((port) => port === null || port === r.port)) ||
          (r.ino !== undefined && inos.has(r.ino)) ||
          (linkMax !== null && r.type === "REG" && r.nlink !== "" && Number(r.nlink) < linkMax);
        if ((!anyProcSel && !anyRowSel) || byProc || byRow) rows.push(r);
      }
    }
    if (terse) return { stdout: [...new Set(rows.map((r) => r.pid))].map((p) => `${p}\n`).join(""), stderr, exitCode: rows.length ? 0 : 1 };
    if (rows.length === 0) return { stdout: "", stderr, exitCode: 1 };
    return { ...ok(layout(rows, linkMax !== null)), stderr };
  },
};

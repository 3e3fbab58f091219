import { SysError } from "../../state/errors.ts";
import { mountForPath, resolve } from "../../state/fs.ts";
import { joinPath } from "../../state/paths.ts";
import { mountUsage } from "../../state/usage.ts";
import type { Mount } from "../../state/types.ts";
import { fail, ok, type HostCommand } from "../types.ts";
import { humanCeil, table, type Align } from "../format.ts";

/**
 * df from coreutils 9.1: default 1K-blocks, -h, -i, -T, optional paths.
 * Column minimum widths are df.c's field_data (source 14, numbers 5,
 * Use% 4); Avail excludes the root reserve and Use% is
 * ceil(used / (used + avail)), as df computes it.
 */
export const df: HostCommand = {
  name: "df",
  async run(args, ctx, rt) {
    let human = false;
    let inodes = false;
    let showType = false;
    const paths: string[] = [];
    for (const arg of args) {
      if (arg === "--human-readable") human = true;
      else if (arg === "--inodes") inodes = true;
      else if (arg === "--print-type") showType = true;
      else if (/^-[hiTlkPa]+$/.test(arg)) {
        if (arg.includes("h")) human = true;
        if (arg.includes("i")) inodes = true;
        if (arg.includes("T")) showType = true;
      } else if (arg.startsWith("-")) {
        return fail(`df: invalid option -- '${arg.replace(/^-+/, "").charAt(0)}'\nTry 'df --help' for more information.\n`);
      } else paths.push(arg);
    }
    const state = rt.host.state;
    let mounts: Mount[] = [...state.fs.mounts].sort((a, b) => (a.seq ?? a.dev) - (b.seq ?? b.dev));
    let stderr = "";
    if (paths.length) {
      mounts = [];
      for (const p of paths) {
        try {
          const { path } = resolve(state, rt.cred, joinPath(ctx.cwd, p));
          mounts.push(mountForPath(state, path));
        } catch (e) {
          if (!(e instanceof SysError)) throw e;
          stderr += `df: ${p}: ${e.text}\n`;
        }
      }
    }
    const header = inodes
      ? ["Filesystem", ...(showType ? ["Type"] : []), "Inodes", "IUsed", "IFree", "IUse%", "Mounted on"]
      : ["Filesystem", ...(showType ? ["Type"] : []), human ? "Size" : "1K-blocks", "Used", human ? "Avail" : "Available", "Use%", "Mounted on"];
    const rows: string[][] = [header];
    for (const m of mounts) {
      const usage = mountUsage(state.fs, m);
      const type = showType ? [m.fstype] : [];
      if (inodes) {
        if (m.totalInodes === 0) {
          rows.push([m.source, ...type, "0", "0", "0", "-", m.target]);
          continue;
        }
        const used = usage.usedInodes;
        const free = m.totalInodes - used;
        const fmt = (n: number): string => (human ? humanInodes(n) : String(n));
        rows.push([m.source, ...type, fmt(m.totalInodes), fmt(used), fmt(free), `${Math.ceil((used * 100) / m.totalInodes)}%`, m.target]);
        continue;
      }
      const kb = (blocks: number): number => (blocks * m.blockSize) / 1024;
      const used = Math.min(usage.usedBlocks, m.totalBlocks);
      const avail = Math.max(0, m.totalBlocks - used - m.reservedBlocks);
      const pct = used + avail === 0 ? "-" : `${Math.ceil((used * 100) / (used + avail))}%`;
      const fmt = (blocks: number): string => (human ? humanCeil(blocks * m.blockSize) : String(kb(blocks)));
      rows.push([m.source, ...type, fmt(m.totalBlocks), fmt(used), fmt(avail), pct, m.target]);
    }
    const aligns: Align[] = ["L", ...(showType ? (["L"] as Align[]) : []), "R", "R", "R", "R", "L"];
    const mins = [14, ...(showType ? [4] : []), 5, 5, 5, inodes ? 5 : 4, 0];
    return { ...ok(rows.length > 1 ? table(rows, aligns, mins) : ""), stderr, exitCode: stderr ? 1 : 0 };
  },
};

/** df -hi scales inode counts with the same 1024-based suffixes as sizes. */
function humanInodes(n: number): string {
  return humanCeil(n);
}

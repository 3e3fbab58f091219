import { memInfo } from "../../state/memory.ts";
import { fail, ok, type HostCommand } from "../types.ts";

/**
 * free from procps-ng 4.0.2. Every column is 12 wide (the first ends at column 20, under "total");
 * `used` is total - available (the 4.0 definition); -h picks the smallest
 * binary unit that keeps the number under four digits, one decimal below 10.
 */
const UNITS = ["Ki", "Mi", "Gi", "Ti"];

export function freeHuman(kib: number): string {
  if (kib === 0) return "0B";
  if (kib < 1) return `${Math.round(kib * 1024)}B`;
  let v = kib;
  for (let i = 0; i < UNITS.length; i++) {
    if (v < 10 && !(i === 0 && Number.isInteger(v))) return `${(Math.round(v * 10) / 10).toFixed(1)}${UNITS[i]}`;
    if (Math.round(v) < 1000) return `${Math.round(v)}${UNITS[i]}`;
    v /= 1024;
  }
  return `${Math.round(v * 1024)}Ti`;
}

export const free: HostCommand = {
  name: "free",
  async run(args, _ctx, rt) {
    let scale: (kib: number) => string = (kib) => String(Math.round(kib));
    let showTotal = false;
    let wide = false;
    for (const a of args) {
      if (a === "-h" || a === "--human") scale = freeHuman;
      else if (a === "-k" || a === "--kibi") scale = (kib) => String(Math.round(kib));
      else if (a === "-m" || a === "--mebi") scale = (kib) => String(Math.floor(kib / 1024));
      else if (a === "-g" || a === "--gibi") scale = (kib) => String(Math.floor(kib / 1024 / 1024));
      else if (a === "-b" || a === "--bytes") scale = (kib) => String(Math.round(kib * 1024));
      else if (a === "-t" || a === "--total") showTotal = true;
      else if (a === "-w" || a === "--wide") wide = true;
      else return fail(`free: invalid option -- '${a.replace(/^-+/, "").charAt(0)}'\n\nUsage:\n free [options]\n\nOptions:\n -b, --bytes         show output in bytes\n -h, --human         show human-readable output\n\nFor more details see free(1).\n`);
    }
    const m = memInfo(rt.host);
    const cache = m.cached + m.sReclaimable;
    const used = m.total - m.available;
    const row = (label: string, values: number[]): string =>
      label.padEnd(8) + values.map((v) => ` ${scale(v).padStart(11)}`).join("") + "\n";
    const header = wide
      ? "               total        used        free      shared     buffers       cache   available\n"
      : "               total        used        free      shared  buff/cache   available\n";
    const memVals = wide
      ? [m.total, used, m.free, m.shared, m.buffers, cache, m.available]
      : [m.total, used, m.free, m.shared, m.buffers + cache, m.available];
    let out = header + row("Mem:", memVals) + row("Swap:", [m.swapTotal, m.swapTotal - m.swapFree, m.swapFree]);
    if (showTotal) out += row("Total:", [m.total + m.swapTotal, used + m.swapTotal - m.swapFree, m.free + m.swapFree]);
    return ok(out);
  },
};

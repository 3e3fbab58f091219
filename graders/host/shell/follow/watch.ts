import { month, two, weekday } from "../../commands/format.ts";
import type { WatchFollow } from "./types.ts";

/**
 * watch (procps-ng 4.0.2) on a terminal: a full screen with the header
 * "Every 2.0s: CMD" and, right-aligned, "host: Sat Nov 28 18:46:52 2026",
 * a blank line, then the command's output cut to the screen.
 */

function ctime(ms: number): string {
  const d = new Date(ms);
  return `${weekday(ms)} ${month(ms)} ${String(d.getUTCDate()).padStart(2)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

export function watchFrame(spec: WatchFollow, hostname: string, nowMs: number, output: string, cols: number, rows: number): string {
  const lines: string[] = [];
  if (!spec.noTitle) {
    const left = `Every ${(spec.intervalMs / 1000).toFixed(1)}s: ${spec.command}`;
    const right = `${hostname}: ${ctime(nowMs)}`;
    const room = cols - right.length - 1;
    lines.push(room > 0 ? `${left.length > room ? left.slice(0, room) : left.padEnd(room)} ${right}` : right.slice(0, cols), "");
  }
  for (const l of output.replace(/\n$/, "").split("\n")) lines.push(l.replace(/\t/g, "        ").slice(0, cols));
  return `\x1b[H\x1b[2J${lines.slice(0, rows).join("\n")}`;
}

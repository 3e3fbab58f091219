import { frame } from "../../commands/top/index.ts";
import type { Runtime } from "../runtime.ts";
import type { TopFollow } from "./types.ts";

/**
 * top on a terminal: the alternate screen, a frame redrawn in place every
 * delay (cursor home, each line cleared to its end, the rest of the screen
 * cleared), the column header in reverse video, lines cut to the terminal
 * width and the task list to its height, as procps-ng top draws them.
 */

export const enterScreen = (): string => "\x1b[?1049h\x1b[?25l";
/** q or Ctrl-C: back to the normal screen, where the prompt was. */
export const leaveScreen = (): string => "\x1b[?25h\x1b[?1049l";

export function screen(rt: Runtime, _spec: TopFollow): string {
  const cols = rt.terminalColumns ?? 80;
  const rows = rt.terminalRows ?? 24;
  const lines = frame(rt, _spec.opts).replace(/\n$/, "").split("\n").slice(0, rows);
  const drawn = lines.map((l) => (l.startsWith("    PID USER") ? `\x1b[7m${l.slice(0, cols).padEnd(cols)}\x1b[m` : `${l.slice(0, cols)}\x1b[K`));
  return `\x1b[H${drawn.join("\n")}\x1b[J`;
}

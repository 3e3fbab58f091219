import { HEADER, sample } from "../../commands/vmstat/index.ts";
import type { Runtime } from "../runtime.ts";
import { pollJournal } from "./journal.ts";
import { pollTail } from "./tail.ts";
import { leaveScreen, screen } from "./top.ts";
import { pingStatistics, pingStep } from "./ping.ts";
import type { FollowSpec } from "./types.ts";

/**
 * Driving a follow: advance the host's clock and collect what the command
 * prints meanwhile; end it on Ctrl-C (or q for top). `exit` is set when it
 * ends by itself (vmstat 1 5, top -n 3).
 */

export interface FollowOutput {
  stdout: string;
  stderr: string;
  /** Set when the command has ended, with its exit status. */
  exit: number | null;
  /** watch: the command is due to run again (the session runs it; it needs the shell). */
  rerun?: boolean;
}

/** Ctrl-C kills the command with SIGINT: bash reports 128 + 2. */
export const SIGINT_STATUS = 130;

function periodic(spec: FollowSpec): spec is Extract<FollowSpec, { nextAtMs: number }> {
  return spec.kind === "top" || spec.kind === "vmstat" || spec.kind === "ping" || spec.kind === "watch";
}

export function advanceFollow(rt: Runtime, spec: FollowSpec, ms: number): FollowOutput {
  const host = rt.host;
  const out: FollowOutput = { stdout: "", stderr: "", exit: null };
  let left = Math.max(0, Math.floor(ms));
  // A poll with no time passed still looks at the files and the journal (a client polling fast).
  let first = true;
  while ((left > 0 || first) && out.exit === null) {
    first = false;
    // Steps of at most a second (log growth, restarts), stopping exactly at the next periodic sample.
    let step = Math.min(1000, left);
    if (periodic(spec)) step = Math.min(step, Math.max(1, spec.nextAtMs - host.now));
    host.advance(step);
    left -= step;
    switch (spec.kind) {
      case "tail": {
        const c = pollTail(host, spec);
        out.stdout += c.stdout;
        out.stderr += c.stderr;
        break;
      }
      case "journal":
        out.stdout += pollJournal(host, spec);
        break;
      case "top":
        if (host.now < spec.nextAtMs) break;
        out.stdout += screen(rt, spec);
        spec.nextAtMs += spec.delayMs;
        if (spec.framesLeft !== null && --spec.framesLeft <= 0) {
          out.stdout += leaveScreen();
          out.exit = 0;
        }
        break;
      case "watch":
        if (host.now < spec.nextAtMs) break;
        out.rerun = true;
        spec.nextAtMs += spec.intervalMs;
        break;
      case "ping":
        if (host.now >= spec.nextAtMs) out.stdout += pingStep(host, spec);
        break;
      case "vmstat": {
        if (host.now < spec.nextAtMs) break;
        // procps repeats the two header lines once a screenful (rows - 3 samples) has scrolled by.
        const height = Math.max(1, (rt.terminalRows ?? 24) - 3);
        if (!spec.noHeaders && spec.sinceHeader >= height) {
          out.stdout += HEADER;
          spec.sinceHeader = 0;
        }
        out.stdout += sample(rt, false);
        spec.sinceHeader++;
        spec.nextAtMs += spec.delayMs;
        if (spec.left !== null && --spec.left <= 0) out.exit = 0;
        break;
      }
    }
  }
  return out;
}

/**
 * Ctrl-C. The terminal echoes ^C and the command dies of SIGINT; top catches
 * it and leaves its screen, exiting 0; ping catches it and prints its
 * statistics. `echo` is false when there is no terminal (the follow is ended
 * for a pipe), so nothing is echoed.
 */
export function interruptFollow(rt: Runtime, spec: FollowSpec, echo: boolean): FollowOutput {
  // top and watch catch SIGINT, restore the screen and exit 0 (curses turned echo off: no ^C).
  if (spec.kind === "top" || spec.kind === "watch") return { stdout: echo ? leaveScreen() : "", stderr: "", exit: 0 };
  if (spec.kind === "ping") {
    const stats = pingStatistics(rt.host, spec);
    // ping's block starts with a newline, which ends the ^C line on a terminal.
    return { stdout: (echo ? "^C" : "") + stats.text, stderr: "", exit: stats.exit };
  }
  return { stdout: echo ? "^C\n" : "", stderr: "", exit: SIGINT_STATUS };
}

/** A key typed while the follow runs: q ends top; other keys are not read by these programs. */
export function keyFollow(spec: FollowSpec, key: string): FollowOutput | null {
  if (spec.kind === "top" && key === "q") return { stdout: leaveScreen(), stderr: "", exit: 0 };
  return null;
}

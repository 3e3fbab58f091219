/**
 * Real time between a follow's polls, per run: the simulated clock advances
 * by what really passed, so `tail -f` in the browser runs at the pace of the
 * wall clock. Capped so a tab left in the background (or a restart that lost
 * this map) does not fast-forward the host by hours in one poll.
 */
const holder = globalThis as unknown as { __prodloopFollowPolls?: Map<string, number> };
const polls = (holder.__prodloopFollowPolls ??= new Map());

/** At most this much simulated time per poll. */
export const FOLLOW_MAX_STEP_MS = 5000;
/** Assumed when the previous poll is unknown (first poll after a server restart). */
const UNKNOWN_STEP_MS = 1000;

export function markPolled(runId: string, now = Date.now()): void {
  polls.set(runId, now);
  // Runs whose follow was abandoned keep one number each; bound the map anyway.
  if (polls.size > 1000) polls.delete(polls.keys().next().value as string);
}

/** Real ms since the last poll of this run (capped), and remembers this poll. */
export function elapsedSincePoll(runId: string, now = Date.now()): number {
  const last = polls.get(runId);
  markPolled(runId, now);
  if (last === undefined) return UNKNOWN_STEP_MS;
  return Math.max(0, Math.min(FOLLOW_MAX_STEP_MS, now - last));
}

export function forgetPolls(runId: string): void {
  polls.delete(runId);
}

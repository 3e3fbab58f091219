import { nextRandom } from "../state/rng.ts";
import type { HostState } from "../state/types.ts";

/**
 * just-bash computes $RANDOM (and other draws) with Math.random, which would
 * make a replayed session differ from the original. While a session's line
 * runs, Math.random draws from the host's own seeded generator, whose state
 * is saved with the host, so `echo $RANDOM` gives the same numbers on replay.
 *
 * Math.random is replaced once by a dispatcher that falls back to the
 * original outside a session's line. Lines of two sessions interleaving at
 * an await would share whichever generator is active: replays stay exact as
 * long as a process runs one line at a time.
 */

const original = Math.random;
let active: (() => number) | null = null;
let installed = false;

export async function withSeededRandom<T>(state: HostState, fn: () => Promise<T>): Promise<T> {
  if (!installed) {
    Math.random = () => (active ? active() : original());
    installed = true;
  }
  const previous = active;
  active = () => nextRandom(state);
  try {
    return await fn();
  } finally {
    active = previous;
  }
}

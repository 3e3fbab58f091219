/**
 * The live side of a host run: commands of one run execute one at a time
 * (load → run → save), and the restored host is kept in memory between
 * commands while its saved version is current, so a command does not
 * re-parse the whole host. The database row stays the truth: a server
 * restart, or another process that saved a newer version, just means the
 * next command restores from the row.
 */
import { restoreRun, saveRun, type ScenarioRun } from "../../graders/host/scenarios/runtime.ts";

interface Live {
  version: number;
  run: ScenarioRun;
}

const holder = globalThis as unknown as { __prodloopLiveRuns?: Map<string, Live>; __prodloopRunLocks?: Map<string, Promise<unknown>> };
const live = (holder.__prodloopLiveRuns ??= new Map());
const locks = (holder.__prodloopRunLocks ??= new Map());
const MAX_LIVE = 200;

/** Runs `fn` after every earlier call for the same run id has finished. */
export async function withRunLock<T>(runId: string, fn: () => Promise<T>): Promise<T> {
  const prev = locks.get(runId) ?? Promise.resolve();
  const next = prev.catch(() => undefined).then(fn);
  locks.set(runId, next);
  try {
    return await next;
  } finally {
    if (locks.get(runId) === next) locks.delete(runId);
  }
}

export function liveRun(runId: string, version: number, stateJson: string): ScenarioRun {
  const hit = live.get(runId);
  if (hit && hit.version === version) {
    live.delete(runId);
    live.set(runId, hit);
    return hit.run;
  }
  const run = restoreRun(stateJson);
  remember(runId, version, run);
  return run;
}

export function remember(runId: string, version: number, run: ScenarioRun): void {
  live.set(runId, { version, run });
  while (live.size > MAX_LIVE) live.delete(live.keys().next().value as string);
}

export function forget(runId: string): void {
  live.delete(runId);
}

export { saveRun };

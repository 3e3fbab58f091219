import { createBaseHost } from "./state/debian.ts";
import { Host } from "./state/host.ts";
import { Session, type RunResult } from "./shell/session.ts";

/** A stock Debian 12 host at a fixed moment, for tests that need a shell and nothing scenario-specific. */
export const TEST_NOW = Date.UTC(2026, 10, 25, 9, 0);

export function baseHost(seed = 7): Host {
  return new Host(createBaseHost({ seed, hostname: "web-01", nowMs: TEST_NOW, rootGiB: 20 }));
}

export function baseSession(seed = 7): Session {
  return new Session(baseHost(seed));
}

/** Run lines in order and return the last result. */
export async function runAll(session: Session, ...lines: string[]): Promise<RunResult> {
  let last: RunResult = { stdout: "", stderr: "", exitCode: 0 };
  for (const line of lines) last = await session.run(line);
  return last;
}

/** Helpers for scenario transcript tests: type lines as the candidate would, and list the checks still failing. */
import { expect } from "vitest";
import { judge, restoreRun, saveRun, type ScenarioRun } from "./runtime.ts";
import { scenarioBySlug } from "./registry.ts";

/** Runs the lines in order and returns their stdout and stderr together, as a terminal shows them. */
export async function type(run: ScenarioRun, ...lines: string[]): Promise<string> {
  let out = "";
  for (const line of lines) {
    const r = await run.session.run(line);
    out += r.stdout + r.stderr;
  }
  return out;
}

/** Names of the scenario's checks that the host does not pass yet. */
export function failing(run: ScenarioRun): string[] {
  return judge(run.scenario, run.session.host).checks.filter((c) => !c.ok).map((c) => c.name);
}

/**
 * The scenario builds the same host for a seed and a different one for the
 * next seed. Calls `build` itself: startScenario serves later starts of a
 * seed from its build cache, which would prove nothing here.
 */
export function expectSeeded(slug: string): void {
  const scenario = scenarioBySlug(slug);
  const a = scenario.build(14).serialize();
  expect(scenario.build(14).serialize()).toBe(a);
  expect(scenario.build(15).serialize()).not.toBe(a);
}

/** The run as a server restart brings it back: saved (under 1 MB, the bound) and restored. */
export function restarted(run: ScenarioRun): ScenarioRun {
  const saved = saveRun(run);
  expect(saved.length).toBeLessThan(1_000_000);
  return restoreRun(saved);
}

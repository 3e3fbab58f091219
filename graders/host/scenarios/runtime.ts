import { Host } from "../state/host.ts";
import { Session } from "../shell/session.ts";
import type { ScenarioDefinition, Verdict } from "./types.ts";
import { scenarioBySlug } from "./registry.ts";

/**
 * Running a scenario: build its host for a seed, open the candidate's login
 * shell on it, judge the host against the checks. Saving is the host JSON
 * plus the session state; restoring rebuilds the same live objects.
 */

export interface ScenarioRun {
  scenario: ScenarioDefinition;
  seed: number;
  session: Session;
}

export function startScenario(slug: string, seed: number): ScenarioRun {
  const scenario = scenarioBySlug(slug);
  return { scenario, seed, session: new Session(scenario.build(seed)) };
}

export function judge(scenario: ScenarioDefinition, host: Host): Verdict {
  const checks = scenario.checks.map((c) => ({ name: c.name, ok: c.test(host) }));
  return { solved: checks.every((c) => c.ok), checks };
}

export interface SavedRun {
  slug: string;
  seed: number;
  host: string;
  session: Session["state"];
}

export function saveRun(run: ScenarioRun): string {
  const saved: SavedRun = { slug: run.scenario.slug, seed: run.seed, host: run.session.host.serialize(), session: run.session.state };
  return JSON.stringify(saved);
}

export function restoreRun(json: string): ScenarioRun {
  const saved = JSON.parse(json) as SavedRun;
  return { scenario: scenarioBySlug(saved.slug), seed: saved.seed, session: Session.restore(saved.host, saved.session) };
}

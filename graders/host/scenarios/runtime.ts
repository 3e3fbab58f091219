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

/**
 * Built hosts by slug and seed, as JSON. Building replays the scenario's
 * history (days of a crash loop, hours of cron), which can take hundreds of
 * milliseconds; a host is plain data, so every later start of the same seed
 * (a Reset, another candidate) restores the copy in a few. Bounded: the
 * oldest entry goes first.
 */
const BUILT = new Map<string, string>();
const BUILT_MAX = 64;

function builtHost(scenario: ScenarioDefinition, seed: number): Host {
  const key = `${scenario.slug}:${seed}`;
  const cached = BUILT.get(key);
  if (cached !== undefined) return Host.restore(cached);
  const host = scenario.build(seed);
  BUILT.set(key, host.serialize());
  if (BUILT.size > BUILT_MAX) BUILT.delete(BUILT.keys().next().value as string);
  return host;
}

export function startScenario(slug: string, seed: number): ScenarioRun {
  const scenario = scenarioBySlug(slug);
  return { scenario, seed, session: new Session(builtHost(scenario, seed)) };
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

import type { ScenarioDefinition } from "./types.ts";
import { diskFullDeletedLog } from "./disk-full-deleted-log.ts";
import { missingEnvInUnit } from "./missing-env-in-unit.ts";

/** Every scenario by slug; problem folders refer to these. */
const SCENARIOS: ScenarioDefinition[] = [diskFullDeletedLog, missingEnvInUnit];

export function scenarioBySlug(slug: string): ScenarioDefinition {
  const found = SCENARIOS.find((s) => s.slug === slug);
  if (!found) throw new Error(`unknown scenario '${slug}' (known: ${SCENARIOS.map((s) => s.slug).join(", ")})`);
  return found;
}

export function allScenarios(): readonly ScenarioDefinition[] {
  return SCENARIOS;
}

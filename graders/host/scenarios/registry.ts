import type { ScenarioDefinition } from "./types.ts";
import { configPermissionDenied } from "./config-permission-denied.ts";
import { danglingConfigSymlink } from "./dangling-config-symlink.ts";
import { diskFullDeletedLog } from "./disk-full-deleted-log.ts";
import { fdLimitTooLow } from "./fd-limit-too-low.ts";
import { missingEnvInUnit } from "./missing-env-in-unit.ts";
import { oomKilledWorker } from "./oom-killed-worker.ts";
import { inodeExhaustion } from "./inode-exhaustion.ts";
import { runawayCpuCron } from "./runaway-cpu-cron.ts";

/** Every scenario by slug; problem folders refer to these. */
const SCENARIOS: ScenarioDefinition[] = [diskFullDeletedLog, missingEnvInUnit, fdLimitTooLow, configPermissionDenied, danglingConfigSymlink, oomKilledWorker, inodeExhaustion, runawayCpuCron];

export function scenarioBySlug(slug: string): ScenarioDefinition {
  const found = SCENARIOS.find((s) => s.slug === slug);
  if (!found) throw new Error(`unknown scenario '${slug}' (known: ${SCENARIOS.map((s) => s.slug).join(", ")})`);
  return found;
}

export function allScenarios(): readonly ScenarioDefinition[] {
  return SCENARIOS;
}

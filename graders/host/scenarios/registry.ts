import type { ScenarioDefinition } from "./types.ts";
import { brokenDefaultRoute } from "./broken-default-route.ts";
import { configPermissionDenied } from "./config-permission-denied.ts";
import { danglingConfigSymlink } from "./dangling-config-symlink.ts";
import { readonlyDataVolume } from "./readonly-data-volume.ts";
import { clockSkewNtpOff } from "./clock-skew-ntp-off.ts";
import { diskFullDeletedLog } from "./disk-full-deleted-log.ts";
import { dnsDeadResolver } from "./dns-dead-resolver.ts";
import { fdLimitTooLow } from "./fd-limit-too-low.ts";
import { firewallDropsAppPort } from "./firewall-drops-app-port.ts";
import { missingEnvInUnit } from "./missing-env-in-unit.ts";
import { expiredTlsCert } from "./expired-tls-cert.ts";
import { nginxConfigSyntax } from "./nginx-config-syntax.ts";
import { nginxPortConflict } from "./nginx-port-conflict.ts";
import { oomKilledWorker } from "./oom-killed-worker.ts";
import { inodeExhaustion } from "./inode-exhaustion.ts";
import { ioWaitBackup } from "./io-wait-backup.ts";
import { runawayCpuCron } from "./runaway-cpu-cron.ts";
import { staleHostsEntry } from "./stale-hosts-entry.ts";
import { zombieProcesses } from "./zombie-processes.ts";
import { noisyCronFillsDisk } from "./noisy-cron-fills-disk.ts";

/** Every scenario by slug; problem folders refer to these. */
const SCENARIOS: ScenarioDefinition[] = [firewallDropsAppPort, dnsDeadResolver, staleHostsEntry, brokenDefaultRoute, diskFullDeletedLog, missingEnvInUnit, fdLimitTooLow, configPermissionDenied, danglingConfigSymlink, readonlyDataVolume, clockSkewNtpOff, oomKilledWorker, inodeExhaustion, ioWaitBackup, runawayCpuCron, zombieProcesses, noisyCronFillsDisk, nginxPortConflict, nginxConfigSyntax, expiredTlsCert];

export function scenarioBySlug(slug: string): ScenarioDefinition {
  const found = SCENARIOS.find((s) => s.slug === slug);
  if (!found) throw new Error(`unknown scenario '${slug}' (known: ${SCENARIOS.map((s) => s.slug).join(", ")})`);
  return found;
}

export function allScenarios(): readonly ScenarioDefinition[] {
  return SCENARIOS;
}

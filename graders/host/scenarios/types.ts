import type { Host } from "../state/host.ts";

/**
 * A troubleshooting scenario: a seeded function that breaks a stock Debian
 * host in one specific way, the checks that define "fixed", and a reference
 * fix as the commands an engineer would type. Checks read host state only
 * (never the transcript), so any fix that really works passes.
 */
export interface ScenarioDefinition {
  slug: string;
  title: string;
  /** Build the broken host for a seed. Must be deterministic in the seed. */
  build(seed: number): Host;
  checks: Check[];
  /** Commands that fix the host, typed as admin; may depend on the built host (pids, ports). */
  referenceFix(host: Host): string[];
}

export interface Check {
  /** Worded for the candidate: says what is still wrong, not how to fix it. */
  name: string;
  test(host: Host): boolean;
}

export interface CheckResult {
  name: string;
  ok: boolean;
}

export interface Verdict {
  solved: boolean;
  checks: CheckResult[];
}

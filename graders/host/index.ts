/**
 * The simulated host's public surface for the app, the CLI and the job
 * runner: start a scenario for a seed, run lines in its shell, judge it,
 * save and restore a run. Everything else in graders/host is internal.
 */
export { startScenario, judge, saveRun, restoreRun, type ScenarioRun, type SavedRun } from "./scenarios/runtime.ts";
export { allScenarios, scenarioBySlug } from "./scenarios/registry.ts";
export type { ScenarioDefinition, Check, CheckResult, Verdict } from "./scenarios/types.ts";
export { Session, type SessionState, type SessionOptions, type RunResult } from "./shell/session.ts";
export { Host } from "./state/host.ts";

/**
 * Proves a troubleshooting problem folder: its files load, it names a
 * scenario that exists, and for several seeds the host starts broken (some
 * check fails) and the scenario's reference fix, typed as the candidate
 * would type it, makes every check pass with every command succeeding.
 */
import { judge, startScenario } from "../host/scenarios/runtime.ts";
import { loadDebrief, loadTroubleshootingProblem } from "./problem-files.ts";

export const CHECK_SEEDS = [1, 2, 3, 17, 4242];

export interface TroubleshootingCheck {
  ok: boolean;
  lines: string[];
}

export async function checkTroubleshootingProblem(slug: string, root: string, seeds: readonly number[] = CHECK_SEEDS): Promise<TroubleshootingCheck> {
  const lines: string[] = [];
  let ok = true;
  const fail = (msg: string) => {
    ok = false;
    lines.push(`✗ ${msg}`);
  };
  let scenario: string;
  try {
    const p = loadTroubleshootingProblem(slug, root);
    loadDebrief(slug, root);
    scenario = p.meta.scenario;
  } catch (e) {
    return { ok: false, lines: [`✗ ${(e as Error).message}`] };
  }
  for (const seed of seeds) {
    let run;
    try {
      run = startScenario(scenario, seed);
    } catch (e) {
      fail(`seed ${seed}: the scenario does not build: ${(e as Error).message}`);
      continue;
    }
    const before = judge(run.scenario, run.session.host);
    if (before.solved) fail(`seed ${seed}: the host is already solved at start`);
    const fix = run.scenario.referenceFix(run.session.host);
    for (const line of fix) {
      const r = await run.session.run(line);
      if (r.exitCode !== 0) fail(`seed ${seed}: reference fix \`${line}\` exited ${r.exitCode}: ${r.stderr.trim().slice(0, 200)}`);
    }
    const after = judge(run.scenario, run.session.host);
    if (!after.solved) fail(`seed ${seed}: the reference fix leaves failing checks: ${after.checks.filter((c) => !c.ok).map((c) => c.name).join("; ")}`);
  }
  if (ok) lines.push(`starts broken and the reference fix solves it for seeds ${seeds.join(", ")}`);
  return { ok, lines };
}

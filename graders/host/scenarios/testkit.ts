/** Helpers for scenario transcript tests: type lines as the candidate would, and list the checks still failing. */
import { judge, type ScenarioRun } from "./runtime.ts";

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

/**
 * Builtins that keep an isolate running after isolated-vm disposed it
 * (isolated-vm 7.0.1 on Node 24): the submission still gets a limit verdict
 * within the grace period, and the process reports itself unhealthy so a
 * worker can exit and be replaced. In a child process, which then exits.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { runInChild, type ChildResult } from "./testkit.ts";

let run: ChildResult;

beforeAll(async () => {
  run = await runInChild([
    {
      name: "array-from",
      entry: "f",
      limits: { cpuMs: 1000, wallMs: 4000 },
      source: "import js\ndef f():\n    return js.Array.from_(js.JSON.parse('{\"length\": 1000000000}')).length\n",
      cases: [[], []],
    },
  ]);
}, 120_000);

describe("runaway isolate", () => {
  test("gets a limit verdict and marks the process unhealthy", () => {
    const j = run.jobs.get("array-from");
    expect(j, run.stderr).toBeDefined();
    expect(j?.outcome).toMatchObject({ kind: "ran", outcomes: [{ kind: "limit" }] });
    // Verdict within the wall limit plus the 2 s grace (and some slack for a loaded machine).
    expect(j?.wallMs ?? Infinity).toBeLessThan(4000 + 2000 + 3000);
    expect(run.health?.healthy).toBe(false);
  });
});

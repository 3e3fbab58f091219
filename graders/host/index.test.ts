import { describe, expect, it } from "vitest";
import * as host from "./index.ts";

describe("graders/host public surface", () => {
  it("runs a scenario end to end through the exported API", async () => {
    expect(host.allScenarios().map((s) => s.slug)).toContain("disk-full-deleted-log");
    const run = host.startScenario("disk-full-deleted-log", 5);
    expect(run.session.prompt()).toMatch(/^admin@(api|app|web)-prod-0\d:~\$ $/);
    expect(host.judge(run.scenario, run.session.host).solved).toBe(false);
    const again = host.restoreRun(host.saveRun(run));
    for (const line of again.scenario.referenceFix(again.session.host)) await again.session.run(line);
    expect(host.judge(again.scenario, again.session.host).solved).toBe(true);
    expect(() => host.scenarioBySlug("nope")).toThrow(/unknown scenario 'nope'/);
  });
});

import { it } from "vitest";
import { startScenario } from "./runtime.ts";

it("scratch2", async () => {
  const run = startScenario("inode-exhaustion", 3);
  for (const line of (process.env.LINES ?? "").split(";;").filter(Boolean)) {
    const t = performance.now();
    const r = await run.session.run(line);
    console.log(`$ ${line} [${(performance.now() - t).toFixed(0)} ms] exit ${r.exitCode}\n${r.stdout.slice(0, 600)}${r.stderr.slice(0, 600)}`);
  }
}, 300_000);

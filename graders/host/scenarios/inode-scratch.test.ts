import { it } from "vitest";
import { startScenario } from "./runtime.ts";

it("scratch", async () => {
  let t = performance.now();
  const run = startScenario("inode-exhaustion", 3);
  console.log("build", performance.now() - t);
  for (const line of (process.env.LINES ?? "df -h /").split(";;")) {
    t = performance.now();
    const r = await run.session.run(line);
    const ms = performance.now() - t;
    console.log(`$ ${line}  [${ms.toFixed(0)} ms]\n${r.stdout.slice(0, 3000)}${r.stderr.slice(0, 2000)}`);
  }
}, 120_000);

import { it } from "vitest";
import { Session as Inspector } from "node:inspector/promises";
import { startScenario } from "./runtime.ts";

it("profile", async () => {
  const run = startScenario("inode-exhaustion", 3);
  if (!process.env.NOSUDO) await run.session.run("sudo -i");
  const ins = new Inspector();
  ins.connect();
  await ins.post("Profiler.enable");
  await ins.post("Profiler.start");
  const t = performance.now();
  const r = await run.session.run(process.env.LINE ?? "");
  console.log("took", performance.now() - t, r.stdout.slice(0, 200), r.stderr.slice(0, 200));
  const { profile } = await ins.post("Profiler.stop");
  const self = new Map<string, number>();
  const dt = profile.timeDeltas ?? [];
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  (profile.samples ?? []).forEach((id, k) => {
    const n = byId.get(id)!;
    const key = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").slice(-2).join("/")}:${n.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[k] ?? 0) / 1000);
  });
  console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 18).map(([k, v]) => `${v.toFixed(0).padStart(6)} ${k}`).join("\n"));
}, 120_000);

/**
 * Rough figures for the Python engine on this machine (not a benchmark
 * harness; bench/ owns those). Run: npx node --no-node-snapshot graders/python/measure.ts
 *
 * Prints: snapshot (cold boot) time and size, module warm-up, boot of one
 * isolate from the snapshot, RSS per live isolate, and the latency of a
 * 50-test submission with the pool warm (p50/p95 over several runs).
 */
import { DEFAULT_GRADING_LIMITS, MAX_RESULT_BYTES } from "../limits.ts";
import { bootFromSnapshot, type PythonIsolate } from "./boot.ts";
import { drainPythonPool, warmPythonPool } from "./pool.ts";
import { runPythonCases } from "./run-python-cases.ts";
import { pythonMemorySizing } from "./sizing.ts";
import { pythonSnapshot } from "./snapshot.ts";

const ms = (t: number): string => `${(performance.now() - t).toFixed(0)} ms`;
const limits = DEFAULT_GRADING_LIMITS;

let t = performance.now();
const snap = await pythonSnapshot();
console.log(`load average ${(await import("node:os")).loadavg()[0]?.toFixed(1)} on ${(await import("node:os")).cpus().length} CPUs`);
console.log(`cold boot + snapshot: ${ms(t)} (${(snap.bytes.length / 1e6).toFixed(1)} MB)`);

t = performance.now();
await warmPythonPool(1, limits.memoryMb);
console.log(`module warm-up + first pool isolate: ${ms(t)}`);

const sizing = pythonMemorySizing(limits.memoryMb, snap.basePages);
const boots: number[] = [];
const bootCpu: number[] = [];
const live: PythonIsolate[] = [];
const rss0 = process.memoryUsage().rss;
for (let i = 0; i < 6; i++) {
  t = performance.now();
  const py = await bootFromSnapshot(snap.bytes, { ...sizing, maxResultBytes: MAX_RESULT_BYTES });
  boots.push(performance.now() - t);
  bootCpu.push(Number(py.isolate.cpuTime) / 1e6);
  live.push(py);
}
const rss1 = process.memoryUsage().rss;
console.log(`boot from snapshot: ${boots.map((b) => b.toFixed(0)).join(", ")} ms wall, ${bootCpu.map((b) => b.toFixed(0)).join(", ")} ms isolate CPU; RSS per live isolate ≈ ${((rss1 - rss0) / live.length / 1e6).toFixed(0)} MB`);
const heap = await live[0]?.isolate.getHeapStatistics();
if (heap) console.log(`V8 heap of a booted isolate: ${(heap.used_heap_size / 1e6).toFixed(1)} MB used, ${(heap.externally_allocated_size / 1e6).toFixed(1)} MB external`);
for (const p of live) p.isolate.dispose();

const source = `
from collections import Counter
def top_k_ips(lines: list[str], k: int) -> list[str]:
    counts = Counter(line.split(" ", 1)[0] for line in lines)
    return [ip for ip, _ in sorted(counts.items(), key=lambda t: (-t[1], t[0]))[:k]]
`;
const cases: unknown[][] = [];
for (let i = 0; i < 50; i++) {
  const lines: string[] = [];
  for (let j = 0; j < 200; j++) lines.push(`10.0.${(i * j) % 7}.${j % 13} GET /x`);
  cases.push([lines, 3]);
}
await warmPythonPool(2, limits.memoryMb);
const lat: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < 12; i++) {
  t = performance.now();
  const r = await runPythonCases({ source, entry: "top_k_ips", limits, cases });
  lat.push(performance.now() - t);
  if (r.kind !== "ran" || r.outcomes.some((o) => o.kind !== "ok")) throw new Error(JSON.stringify(r).slice(0, 500));
  cpu.push(r.cpuTimeMs);
  // Give the refill a moment, as between submissions in practice.
  await new Promise((res) => setTimeout(res, 400));
}
const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
console.log(`50-test submission (200 lines each), pool warm: p50 ${pct(lat, 50).toFixed(0)} ms, p95 ${pct(lat, 95).toFixed(0)} ms wall; candidate CPU p50 ${pct(cpu, 50).toFixed(0)} ms`);

t = performance.now();
let n = 0;
await drainPythonPool();
while (performance.now() - t < 10_000) {
  await runPythonCases({ source, entry: "top_k_ips", limits, cases: cases.slice(0, 5) });
  n++;
}
console.log(`throughput with boots counted (pool empty, one at a time): ${(n / ((performance.now() - t) / 1000)).toFixed(2)} submissions/s`);
await drainPythonPool();

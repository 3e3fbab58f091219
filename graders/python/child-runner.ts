/**
 * Runs Python jobs in this process and prints one JSON line per job, then a
 * health line. Tests start it with `process.execPath --no-node-snapshot`
 * (how grader workers load isolated-vm), so a hostile submission that
 * crashed or stalled the process shows up as a missing health line.
 *
 * stdin: {"pool": n, "jobs": [{"name", "source", "entry", "limits"?, "cases"}]}
 * stdout: {"name", "wallMs", "outcome", "pool"} per job (pool: the largest
 *         count of pooled isolates seen while the job ran, and the count
 *         right after it), then
 *         {"health": {"rss", "afterwards": <outcome of a trivial job>, "healthy"}}
 */
import { DEFAULT_GRADING_LIMITS, type GradingLimits } from "../limits.ts";
import { drainPythonPool, pythonPoolSize, warmPythonPool } from "./pool.ts";
import { runPythonCases } from "./run-python-cases.ts";
import { isPythonProcessHealthy } from "./session.ts";

interface Job {
  name: string;
  source: string;
  entry: string;
  limits?: Partial<GradingLimits>;
  cases: unknown[][];
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const input = JSON.parse(await readStdin()) as { pool?: number; jobs: Job[] };
const write = (v: unknown): void => {
  process.stdout.write(JSON.stringify(v) + "\n");
};

await warmPythonPool(input.pool ?? 1, DEFAULT_GRADING_LIMITS.memoryMb);
for (const job of input.jobs) {
  const limits = { ...DEFAULT_GRADING_LIMITS, ...job.limits };
  const t = performance.now();
  const running = runPythonCases({ source: job.source, entry: job.entry, limits, cases: job.cases });
  let during = -1;
  const sampler = setInterval(() => (during = Math.max(during, pythonPoolSize(limits.memoryMb))), 5);
  const outcome = await running;
  clearInterval(sampler);
  write({ name: job.name, wallMs: Math.round(performance.now() - t), outcome, pool: { during, after: pythonPoolSize(limits.memoryMb) } });
}
const afterwards = await runPythonCases({ source: "def f(a, b):\n    return a * b\n", entry: "f", limits: DEFAULT_GRADING_LIMITS, cases: [[6, 7]] });
write({ health: { rss: process.memoryUsage().rss, afterwards, healthy: isPythonProcessHealthy() } });
await drainPythonPool();
// A runaway isolate thread (see isPythonProcessHealthy) would keep the process alive: end it, as a worker would.
// process.exit waits on the runaway thread; SIGKILL is what the worker pool would do.
if (!isPythonProcessHealthy()) process.kill(process.pid, "SIGKILL");

/**
 * Test helper: runs Python jobs in a child Node process started with
 * --no-node-snapshot (argument array, no shell) and returns its JSON lines.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { RunCasesOutcome } from "../coding/run-cases.ts";
import type { GradingLimits } from "../limits.ts";

export interface ChildJob {
  name: string;
  source: string;
  entry: string;
  limits?: Partial<GradingLimits>;
  cases: unknown[][];
}

export interface ChildResult {
  /** pool.during: most pooled isolates seen while the job ran (-1: not sampled); pool.after: right after it. */
  jobs: Map<string, { wallMs: number; outcome: RunCasesOutcome; pool: { during: number; after: number } }>;
  health: { rss: number; afterwards: RunCasesOutcome; healthy: boolean } | null;
  exitCode: number | null;
  stderr: string;
}

const RUNNER = fileURLToPath(new URL("./child-runner.ts", import.meta.url));

export function runInChild(jobs: ChildJob[], pool = 1): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--no-node-snapshot", "--disable-warning=ExperimentalWarning", RUNNER], { stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const result: ChildResult = { jobs: new Map(), health: null, exitCode: code, stderr: err };
      for (const line of out.split("\n")) {
        if (!line.trim()) continue;
        const v = JSON.parse(line) as { name?: string; wallMs?: number; outcome?: RunCasesOutcome; pool?: { during: number; after: number }; health?: ChildResult["health"] };
        if (v.health) result.health = v.health;
        else if (v.name && v.outcome) result.jobs.set(v.name, { wallMs: v.wallMs ?? 0, outcome: v.outcome, pool: v.pool ?? { during: -1, after: -1 } });
      }
      resolve(result);
    });
    child.stdin.end(JSON.stringify({ pool, jobs }));
  });
}

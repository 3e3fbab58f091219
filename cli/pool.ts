/** The grader pool as the CLI uses it: the same worker processes as the server, sized for the job. */
import path from "node:path";
import { WorkerPool } from "../graders/jobs/index.ts";

export function problemsRoot(): string {
  return path.resolve(process.env.PROBLEMS_DIR ?? path.join(process.cwd(), "problems"));
}

export async function startCliPool(workers: number, pythonWarm = 0): Promise<WorkerPool> {
  // The CLI queues all its work up front, so its queue is not the server's bounded one.
  const pool = new WorkerPool({ workers, problemsRoot: problemsRoot(), maxQueue: 100_000, retryAfterSeconds: 1, pythonWarm });
  await pool.whenReady();
  return pool;
}

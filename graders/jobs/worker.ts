/**
 * A grader worker process (started by pool.ts with --no-node-snapshot). It
 * takes one job at a time from the IPC channel, grades it in a fresh isolate
 * and answers. Isolates live here, never in the web server: if a submission
 * makes V8 abort (an out-of-memory isolated-vm cannot contain), only this
 * process dies, and the pool replaces it.
 */
import { loadGradableProblem } from "../coding/gradable-problem.ts";
import { gradeSolution } from "../coding/grade-solution.ts";
import { DEFAULT_GRADING_LIMITS, limitsForLanguage, POOL_LIMITS } from "../limits.ts";
import type { GradeJob, WorkerMessage } from "./protocol.ts";

function send(msg: WorkerMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) return resolve();
    process.send(msg, undefined, {}, () => resolve());
  });
}

async function handle(job: GradeJob): Promise<void> {
  try {
    const problem = await loadGradableProblem(job.request.slug, job.root);
    // Custom inputs run the reference first, in its own isolate: it gets a wall budget too.
    const total = job.request.mode === "submit" ? problem.examples.length + problem.hidden.length : problem.examples.length + (job.request.customInputs?.length ?? 0);
    send({ type: "started", id: job.id, wallMs: limitsForLanguage(problem.meta.limits, job.request.lang).wallMs + (job.request.customInputs?.length ? problem.meta.limits.wallMs : 0), total });
    const result = await gradeSolution({ problem, lang: job.request.lang, code: job.request.code, mode: job.request.mode, customInputs: job.request.customInputs });
    await send({ type: "result", id: job.id, result });
    if (job.request.lang === "py") {
      // An isolate thread that kept running after disposal can only be stopped by ending the process;
      // the verdict is already sent, and the pool starts a fresh worker.
      const { isPythonProcessHealthy } = await import("../python/index.ts");
      if (!isPythonProcessHealthy()) {
        console.error("grader worker: a Python isolate kept running after disposal; restarting this worker");
        process.exit(70);
      }
    }
  } catch (e) {
    const err = e as Error & { file?: unknown };
    send({ type: "failed", id: job.id, error: { name: err.name ?? "Error", message: err.message ?? String(e), ...(typeof err.file === "string" ? { file: err.file } : {}) } });
  }
}

if (!process.send) {
  console.error("graders/jobs/worker.ts is started by the grader pool (it needs an IPC channel).");
  process.exit(2);
}

// The hard memory stop (see POOL_LIMITS.workerRssMb). Isolates run on their own
// threads, so this timer keeps firing while candidate code allocates.
const rssLimit = POOL_LIMITS.workerRssMb * 1024 * 1024;
setInterval(() => {
  if (process.memoryUsage.rss() > rssLimit) {
    console.error(`grader worker: resident memory above ${POOL_LIMITS.workerRssMb} MB, out of memory; exiting`);
    process.exit(137);
  }
}, 25).unref();

let chain = Promise.resolve();
process.on("message", (msg: GradeJob) => {
  if (msg?.type !== "grade") return;
  chain = chain.then(() => handle(msg));
});
process.on("disconnect", () => process.exit(0));
// Python isolates boot from a Pyodide snapshot (~2 s to make, once per
// process); keeping some booted ahead hides that from submissions. The worker
// reports ready once they are, so /api/ready means every language is ready.
// A failed warm-up is logged and JavaScript grading goes ahead regardless.
const pythonWarm = Number(process.env.PRODLOOP_PYTHON_WARM ?? "1");
if (pythonWarm > 0) {
  try {
    const { warmPythonPool } = await import("../python/index.ts");
    await warmPythonPool(pythonWarm, DEFAULT_GRADING_LIMITS.memoryMb);
  } catch (e) {
    console.error(`grader worker: warming the Python pool failed: ${(e as Error).message}`);
  }
}
send({ type: "ready" });

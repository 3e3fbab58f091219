/**
 * Server start (called from instrumentation.ts, Node.js runtime only):
 * validate the environment, apply pending migrations, start the grader pool.
 * A bad environment or a failed migration stops the process with the reason:
 * serving requests against a half-migrated database would lose data.
 */
import { ensureMigrated } from "./db/ensure-migrated.ts";
import { getEnv } from "./env.ts";
import { startGrading } from "./grading/lifecycle.ts";
import { moduleLogger } from "./log.ts";

export async function startServer(): Promise<void> {
  const log = moduleLogger("startup");
  try {
    const env = getEnv();
    const { applied } = await ensureMigrated();
    log.info({ applied, problemsDir: env.PROBLEMS_DIR }, "database ready");
    await startGrading();
    log.info("grader pool started");
  } catch (err) {
    log.fatal({ err }, "startup failed");
    process.exit(1);
  }
}

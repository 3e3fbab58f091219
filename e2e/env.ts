import path from "node:path";

/** Port of the app under test: away from 3000 so a developer's own server keeps running. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);

/**
 * A fresh database per run, so tests never depend on what an earlier run left
 * (scripts/e2e.ts sets E2E_RUN_ID once; Playwright re-reads the config in
 * each worker, and all of them must agree on the file).
 */
export function e2eEnv(): Record<string, string> {
  const runId = process.env.E2E_RUN_ID ?? "local";
  return {
    PORT: String(E2E_PORT),
    DATABASE_URL: `file:${path.join(process.cwd(), "data", `e2e-${runId}.db`)}`,
    NEXT_TELEMETRY_DISABLED: "1",
    LOG_LEVEL: "warn",
  };
}

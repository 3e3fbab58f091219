/**
 * Readiness (GET /api/ready): can this instance serve a submission end to
 * end? The database answers a trivial query and the grading backend reports
 * itself up. Each check is bounded in time so a stuck dependency makes the
 * probe fail instead of hang.
 */
import { getDb } from "../db/client.ts";
import { gradingHealth } from "../grading/lifecycle.ts";

export type CheckStatus = "ok" | string;

export interface Readiness {
  ready: boolean;
  checks: { database: CheckStatus; graders: CheckStatus };
}

const CHECK_TIMEOUT_MS = 2_000;

async function bounded(name: string, fn: () => Promise<void>): Promise<CheckStatus> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} did not answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([fn(), timeout]);
    return "ok";
  } catch (err) {
    return `failing: ${err instanceof Error ? err.message : String(err)}`;
  } finally {
    clearTimeout(timer);
  }
}

export async function checkReadiness(): Promise<Readiness> {
  const [database, graders] = await Promise.all([
    bounded("database", async () => {
      await getDb().$queryRaw`SELECT 1`;
    }),
    bounded("graders", async () => {
      const h = await gradingHealth();
      if (!h.ok) throw new Error(h.detail);
    }),
  ]);
  return { ready: database === "ok" && graders === "ok", checks: { database, graders } };
}

/** Apply pending migrations to the configured database, once per process. */
import { getEnv } from "../env.ts";
import { moduleLogger } from "../log.ts";
import { migrate, type MigrateResult } from "./migrate.ts";

const holder = globalThis as unknown as { __prodloopMigrated?: { url: string; done: Promise<MigrateResult> } };

export function ensureMigrated(): Promise<MigrateResult> {
  const url = getEnv().DATABASE_URL;
  if (holder.__prodloopMigrated?.url === url) return holder.__prodloopMigrated.done;
  const log = moduleLogger("migrate");
  const done = migrate({ databaseUrl: url, onApplied: (name) => log.info({ migration: name }, "migration applied") }).then((r) => {
    if (r.edited.length > 0) log.warn({ migrations: r.edited }, "migration files changed after they were applied; they are not re-run");
    return r;
  });
  holder.__prodloopMigrated = { url, done };
  // A failure must not be cached: the next caller retries (and sees the error).
  done.catch(() => {
    if (holder.__prodloopMigrated?.done === done) holder.__prodloopMigrated = undefined;
  });
  return done;
}

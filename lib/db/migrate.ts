/**
 * Applies prisma/migrations/<timestamp>_<name>/migration.sql files that the
 * database has not seen yet, in name order, at server start (and from the CLI).
 *
 * Deliberately small and runtime-only: the Prisma CLI cannot reach its schema
 * engine binary here, and the WebAssembly engine is a dev tool (it writes the
 * files; scripts/db/create-migration.ts). Each file runs in its own write
 * transaction together with the row recording it, so a failing file leaves the
 * database exactly as it was before that file and the error names the file.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createClient, type Client } from "@libsql/client";

export const MIGRATIONS_TABLE = "_prodloop_migrations";

export interface MigrationFile {
  /** Directory name, e.g. `20261125183000_init`; order of application. */
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override name = "MigrationError";
  readonly file: string;
  constructor(file: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Migration ${file} failed and was rolled back: ${reason}`, { cause });
    this.file = file;
  }
}

export function defaultMigrationsDir(): string {
  return path.join(process.cwd(), "prisma", "migrations");
}

export function readMigrationFiles(dir: string = defaultMigrationsDir()): MigrationFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export interface MigrateResult {
  applied: string[];
  /** Applied earlier but the file changed since: reported, never re-run. */
  edited: string[];
}

export interface MigrateOptions {
  databaseUrl: string;
  migrationsDir?: string;
  onApplied?: (name: string) => void;
}

async function ensureTable(client: Client): Promise<void> {
  await client.execute(
    `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`,
  );
}

async function appliedChecksums(client: Client): Promise<Map<string, string>> {
  const rs = await client.execute(`SELECT name, checksum FROM "${MIGRATIONS_TABLE}"`);
  return new Map(rs.rows.map((r) => [String(r.name), String(r.checksum)]));
}

async function applyOne(client: Client, m: MigrationFile): Promise<boolean> {
  const tx = await client.transaction("write");
  try {
    // Another process (CLI, a second server) may have applied it since we looked.
    const seen = await tx.execute({ sql: `SELECT 1 FROM "${MIGRATIONS_TABLE}" WHERE name = ?`, args: [m.name] });
    if (seen.rows.length > 0) {
      await tx.rollback();
      return false;
    }
    await tx.executeMultiple(m.sql);
    await tx.execute({
      sql: `INSERT INTO "${MIGRATIONS_TABLE}" (name, checksum, applied_at) VALUES (?, ?, ?)`,
      args: [m.name, m.checksum, new Date().toISOString()],
    });
    await tx.commit();
    return true;
  } catch (err) {
    throw new MigrationError(`${m.name}/migration.sql`, err);
  } finally {
    tx.close();
  }
}

export async function migrate(opts: MigrateOptions): Promise<MigrateResult> {
  const files = readMigrationFiles(opts.migrationsDir);
  const client = createClient({ url: opts.databaseUrl, timeout: 5_000 });
  try {
    // WAL lets readers (page loads) proceed while a submission is written; the
    // mode is stored in the file, so setting it here once covers every client.
    if (opts.databaseUrl.startsWith("file:")) await client.execute("PRAGMA journal_mode=WAL");
    await ensureTable(client);
    const done = await appliedChecksums(client);
    const result: MigrateResult = { applied: [], edited: [] };
    for (const m of files) {
      const prior = done.get(m.name);
      if (prior !== undefined) {
        if (prior !== m.checksum) result.edited.push(m.name);
        continue;
      }
      if (await applyOne(client, m)) {
        result.applied.push(m.name);
        opts.onApplied?.(m.name);
      }
    }
    return result;
  } finally {
    client.close();
  }
}

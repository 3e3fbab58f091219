/**
 * Opens Prisma's WebAssembly schema engine on a libsql database. Dev-time
 * only (the package is a devDependency): the Prisma CLI's native engine
 * cannot be downloaded on these machines, this one ships inside npm.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { PrismaLibSql } from "@prisma/adapter-libsql";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { SchemaEngine, type MigrationList, type SchemaFilter, type SchemasContainer } from "@prisma/schema-engine-wasm";
import { readMigrationFiles } from "../../lib/db/migrate.ts";

export const SCHEMA_PATH = path.join(process.cwd(), "prisma", "schema.prisma");
export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
export const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

export function schemaFiles(schemaPath: string = SCHEMA_PATH): SchemasContainer {
  return { files: [{ path: path.basename(schemaPath), content: readFileSync(schemaPath, "utf8") }] };
}

/** The migrations directory in the engine's terms (contents already read). */
export function migrationList(dir: string = MIGRATIONS_DIR): MigrationList {
  const lock = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    // The engine learns the connector (sqlite) from the lockfile.
    lockfile: { path: "migration_lock.toml", content: existsSync(lock) ? readFileSync(lock, "utf8") : 'provider = "sqlite"\n' },
    shadowDbInitScript: "",
    migrationDirectories: readMigrationFiles(dir).map((m) => ({
      path: m.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: m.sql } },
    })),
  };
}

/**
 * The schema engine replays a migration by handing its whole script to
 * `executeRaw`, and libsql's `execute` runs only the first statement of a
 * script: the replayed database silently lacked every table but the first.
 * On the shadow database (scratch, only ever fed migration scripts and
 * introspection) an argument-less raw statement therefore goes through
 * `executeScript`, which runs all of it.
 */
class LibSqlForMigrations extends PrismaLibSql {
  override async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const adapter = await super.connectToShadowDb();
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (query) => {
      if (query.args.length > 0) return executeRaw(query);
      await adapter.executeScript(query.sql);
      return 0;
    };
    return adapter;
  }
}

/**
 * `databaseUrl` is the engine's main connection; by default a scratch one,
 * since diffs between the migrations and the schema replay the migrations on
 * the shadow database, never on real data.
 */
export async function openSchemaEngine(databaseUrl?: string, schemaPath: string = SCHEMA_PATH): Promise<SchemaEngine> {
  const schema = schemaFiles(schemaPath);
  const factory = bindMigrationAwareSqlAdapterFactory(new LibSqlForMigrations({ url: databaseUrl ?? ":memory:" }));
  const log = (msg: string): void => {
    if (process.env.PRISMA_ENGINE_DEBUG) process.stderr.write(`${msg}\n`);
  };
  // The wasm module reports Rust panics through this global; without it a
  // panic surfaces as "Cannot read properties of undefined (set_message)".
  const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
  g.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (m) => process.stderr.write(`schema engine panic: ${m}\n`) };
  return SchemaEngine.new({ datamodels: schema.files.map((f) => [f.path, f.content]) }, log, factory);
}

/** SQL that turns the database the migrations produce into the schema; "" when they agree. */
export async function pendingSchemaSql(engine: SchemaEngine, dir: string = MIGRATIONS_DIR, schemaPath: string = SCHEMA_PATH): Promise<string> {
  const result = await engine.diff({
    from: { tag: "migrations", ...migrationList(dir) },
    to: { tag: "schemaDatamodel", ...schemaFiles(schemaPath) },
    script: true,
    exitCode: true,
    filters: NO_FILTER,
  });
  // exitCode 2 = non-empty diff; 0 = nothing to do (stdout then holds only a comment).
  return result.exitCode === 2 ? (result.stdout ?? "") : "";
}

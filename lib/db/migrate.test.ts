import { mkdirSync, mkdtempSync, writeFileSync, cpSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { openSchemaEngine, pendingSchemaSql } from "../../scripts/db/schema-engine.ts";
import { migrate, MigrationError, MIGRATIONS_TABLE } from "./migrate.ts";

function tempDb(): string {
  return `file:${path.join(mkdtempSync(path.join(os.tmpdir(), "prodloop-migrate-")), "t.db")}`;
}

async function tables(url: string): Promise<string[]> {
  const c = createClient({ url });
  try {
    const rs = await c.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    return rs.rows.map((r) => String(r.name));
  } finally {
    c.close();
  }
}

describe("migrations", () => {
  it("prisma/migrations produce exactly prisma/schema.prisma (schema engine diff is empty)", async () => {
    const engine = await openSchemaEngine();
    try {
      expect(await pendingSchemaSql(engine)).toBe("");
    } finally {
      engine.free();
    }
  }, 60_000);

  it("applies every migration once, in order, and records it", async () => {
    const url = tempDb();
    const first = await migrate({ databaseUrl: url });
    expect(first.applied.length).toBeGreaterThan(0);
    expect(await tables(url)).toEqual(expect.arrayContaining(["User", "Session", "Draft", "Submission", MIGRATIONS_TABLE]));
    const again = await migrate({ databaseUrl: url });
    expect(again).toEqual({ applied: [], edited: [] });
  });

  it("rolls a failing migration back entirely and names its file", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "prodloop-migrations-"));
    cpSync(path.join(process.cwd(), "prisma", "migrations"), dir, { recursive: true });
    const bad = path.join(dir, "99990101000000_broken");
    mkdirSync(bad);
    // The first statement succeeds, the second fails: neither may remain.
    writeFileSync(path.join(bad, "migration.sql"), 'CREATE TABLE "Half" (id TEXT);\nINSERT INTO "NoSuchTable" VALUES (1);\n');
    const url = tempDb();

    const err = await migrate({ databaseUrl: url, migrationsDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MigrationError);
    expect((err as MigrationError).file).toBe("99990101000000_broken/migration.sql");
    expect((err as Error).message).toContain("99990101000000_broken/migration.sql");

    const present = await tables(url);
    expect(present).not.toContain("Half");
    expect(present).toContain("User"); // earlier migrations stay applied
    const c = createClient({ url });
    const recorded = await c.execute(`SELECT name FROM "${MIGRATIONS_TABLE}"`);
    c.close();
    expect(recorded.rows.map((r) => String(r.name))).not.toContain("99990101000000_broken");
  });
});

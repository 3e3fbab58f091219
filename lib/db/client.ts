/**
 * One PrismaClient per process, on SQLite through the libsql driver adapter
 * (Prisma 7 has no built-in SQLite driver; the URL comes from lib/env.ts).
 * Cached on globalThis because Next's dev server re-evaluates modules on every
 * edit, and each evaluation would otherwise open another connection pool.
 */
import { PrismaLibSql } from "@prisma/adapter-libsql";
import { PrismaClient } from "../../generated/prisma/client.ts";
import { getEnv } from "../env.ts";

export type Db = PrismaClient;
/** The client handed to `db.$transaction(async (tx) => …)` callbacks. */
export type DbTx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** Wait this long on a locked SQLite file before SQLITE_BUSY (writers queue up briefly). */
const BUSY_TIMEOUT_MS = 5_000;

const holder = globalThis as unknown as { __prodloopDb?: { url: string; client: PrismaClient } };

export function createDb(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaLibSql({ url, timeout: BUSY_TIMEOUT_MS }) });
}

export function getDb(): PrismaClient {
  const url = getEnv().DATABASE_URL;
  const current = holder.__prodloopDb;
  if (current && current.url === url) return current.client;
  // A different URL (tests switch it per file) gets its own client; the old
  // one is closed so its file handle does not linger.
  if (current) void current.client.$disconnect();
  const client = createDb(url);
  holder.__prodloopDb = { url, client };
  return client;
}

export async function disconnectDb(): Promise<void> {
  const current = holder.__prodloopDb;
  holder.__prodloopDb = undefined;
  if (current) await current.client.$disconnect();
}

/**
 * Integration-test harness for the route handlers: a fresh SQLite file per
 * test file (DATABASE_URL), migrated with the real runner, and helpers that
 * call exported GET/POST/PUT functions with real Request objects, carrying the
 * session cookie like a browser would.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";

export const FIXTURE_PROBLEMS = path.join(process.cwd(), "graders", "coding", "__fixtures__", "problems");

/** Call at the top of a test file: env is set before any lib module reads it. */
export function useTestDatabase(opts: { problemsDir?: string } = {}): { dir: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "prodloop-api-"));
  process.env.DATABASE_URL = `file:${path.join(dir, "test.db")}`;
  process.env.PROBLEMS_DIR = opts.problemsDir ?? FIXTURE_PROBLEMS;
  process.env.LOG_LEVEL = "silent";
  beforeAll(async () => {
    const { ensureMigrated } = await import("../../lib/db/ensure-migrated.ts");
    await ensureMigrated();
  });
  afterAll(async () => {
    const { disconnectDb } = await import("../../lib/db/client.ts");
    await disconnectDb();
  });
  return { dir };
}

/** Any route handler; `never` accepts every route's own params type. */
type Handler = (req: Request, ctx: never) => Response | Promise<Response>;

export interface CallOptions {
  method?: string;
  /** Path and query, e.g. `/api/problems?difficulty=easy`. */
  url: string;
  body?: unknown;
  /** Raw body text (wins over `body`), for malformed-JSON tests. */
  rawBody?: string;
  cookie?: string | undefined;
  params?: Record<string, string>;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
  text: string;
}

export async function call(handler: Handler, opts: CallOptions): Promise<CallResult> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.cookie) headers.cookie = opts.cookie;
  let body: string | undefined;
  if (opts.rawBody !== undefined) body = opts.rawBody;
  else if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined) headers["content-type"] = "application/json";
  const req = new Request(`http://localhost${opts.url}`, { method: opts.method ?? "GET", headers, ...(body !== undefined ? { body } : {}) });
  const ctx = { params: Promise.resolve(opts.params ?? {}) } as never;
  const res = await handler(req, ctx);
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

/** `pl_session=…` from a Set-Cookie header, ready to send back. */
export function sessionCookieOf(res: CallResult): string {
  const set = res.headers.get("set-cookie") ?? "";
  const m = /pl_session=([^;]*)/.exec(set);
  if (!m) throw new Error(`no pl_session cookie in ${JSON.stringify(set)}`);
  return `pl_session=${m[1]}`;
}

let counter = 0;
export function uniqueEmail(prefix = "user"): string {
  counter += 1;
  return `${prefix}-${counter}-${Date.now()}@example.com`;
}

export const PASSWORD = "correct horse battery";

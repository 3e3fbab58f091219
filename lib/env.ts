/**
 * The process environment, validated once. Every module reads configuration
 * through `getEnv()` so a bad value fails at start with a message naming the
 * variable, not later inside a request.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const EnvSchema = z.object({
  DATABASE_URL: z.string().min(1).default("file:./data/prodloop.db"),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  PROBLEMS_DIR: z.string().min(1).default("./problems"),
  /** Grader worker processes; unset or 0 lets the pool pick (number of CPUs). */
  GRADER_WORKERS: z.coerce.number().int().min(0).max(256).optional(),
});

export interface Env {
  /** libsql URL; `file:` URLs are made absolute and their directory exists. */
  DATABASE_URL: string;
  PORT: number;
  LOG_LEVEL: (typeof LOG_LEVELS)[number];
  /** Absolute path of the problems root (holds coding/<slug>/). */
  PROBLEMS_DIR: string;
  GRADER_WORKERS: number | undefined;
}

export class EnvError extends Error {
  override name = "EnvError";
}

/**
 * Relative `file:` URLs depend on the working directory of whoever opens them
 * (server, CLI, tests); resolving once here makes them all agree, and creating
 * the directory lets SQLite create the file on a fresh clone.
 */
export function normalizeDatabaseUrl(url: string, cwd: string = process.cwd()): string {
  if (!url.startsWith("file:")) return url;
  const rest = url.slice("file:".length);
  const [filePart = "", query] = rest.split("?", 2);
  if (filePart === ":memory:" || filePart === "") return url;
  const abs = path.resolve(cwd, filePart.startsWith("//") ? filePart.slice(2) : filePart);
  mkdirSync(path.dirname(abs), { recursive: true });
  return `file:${abs}${query === undefined ? "" : `?${query}`}`;
}

export function parseEnv(source: NodeJS.ProcessEnv, cwd: string = process.cwd()): Env {
  // Empty strings (e.g. `PORT=` in a shell) mean "unset", not "invalid".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new EnvError(`Invalid environment: ${detail}`);
  }
  const e = parsed.data;
  return {
    DATABASE_URL: normalizeDatabaseUrl(e.DATABASE_URL, cwd),
    PORT: e.PORT,
    LOG_LEVEL: e.LOG_LEVEL,
    PROBLEMS_DIR: path.resolve(cwd, e.PROBLEMS_DIR),
    GRADER_WORKERS: e.GRADER_WORKERS === 0 ? undefined : e.GRADER_WORKERS,
  };
}

let cached: { key: string; env: Env } | undefined;

/**
 * Validated env, cached per set of relevant values: tests switch DATABASE_URL
 * or PROBLEMS_DIR per file, and must get the new values, not stale ones.
 */
export function getEnv(): Env {
  const key = [process.env.DATABASE_URL, process.env.PORT, process.env.LOG_LEVEL, process.env.PROBLEMS_DIR, process.env.GRADER_WORKERS].join("\u0000");
  if (cached?.key !== key) cached = { key, env: parseEnv(process.env) };
  return cached.env;
}

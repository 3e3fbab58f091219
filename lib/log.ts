/**
 * Structured JSON logs on stdout (pino). One root logger per process; modules
 * take a child with a `module` field so lines can be filtered by origin.
 */
import pino, { type Logger } from "pino";
import { getEnv } from "./env.ts";

const holder = globalThis as unknown as { __prodloopLogger?: Logger };

export function getLogger(): Logger {
  holder.__prodloopLogger ??= pino({
    level: safeLevel(),
    base: { service: "prodloop" },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Never log credentials even if a caller passes a whole request body.
    redact: { paths: ["password", "*.password", "passwordHash", "*.passwordHash", "token", "*.token"], censor: "[redacted]" },
  });
  return holder.__prodloopLogger;
}

export function moduleLogger(module: string): Logger {
  return getLogger().child({ module });
}

/** Logging must work even while reporting a bad environment. */
function safeLevel(): string {
  try {
    return getEnv().LOG_LEVEL;
  } catch {
    return "info";
  }
}

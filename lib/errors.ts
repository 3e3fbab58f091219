/**
 * The closed list of API error codes (docs/api.md) and their HTTP statuses, in
 * one place. Services throw AppError; route handlers turn anything thrown into
 * the documented error JSON with `toErrorResponse`, so no route decides a
 * status code or leaks an internal message on its own.
 */
import { z } from "zod";
import { getLogger } from "./log.ts";

export const ERROR_STATUS = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  queue_full: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorIssue {
  /** Dotted path of the offending field, e.g. `email` or `customInput.0`. */
  path: string;
  message: string;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; issues?: ErrorIssue[]; retryAfterSeconds?: number };
}

export class AppError extends Error {
  override name = "AppError";
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[] | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, message: string, extra: { issues?: ErrorIssue[]; retryAfterSeconds?: number; cause?: unknown } = {}) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.code = code;
    this.issues = extra.issues;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function issuesFromZod(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join(".") || "(body)", message: i.message }));
}

/** 400 naming every bad field: the first field is in the message too, for humans and logs. */
export function badRequest(issues: ErrorIssue[]): AppError {
  const first = issues[0];
  const message = first ? `Invalid ${first.path}: ${first.message}` : "Invalid request";
  return new AppError("bad_request", message, { issues });
}

export function toErrorBody(err: AppError): ErrorBody {
  return {
    error: {
      code: err.code,
      message: err.message,
      ...(err.issues ? { issues: err.issues } : {}),
      ...(err.retryAfterSeconds !== undefined ? { retryAfterSeconds: err.retryAfterSeconds } : {}),
    },
  };
}

/** Normalise anything thrown into an AppError; unknown errors become `internal` and are logged. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof z.ZodError) return badRequest(issuesFromZod(err));
  getLogger().error({ err }, "unhandled error");
  // The message of an unexpected error may hold paths or SQL: never sent out.
  return new AppError("internal", "Internal server error");
}

export function toErrorResponse(err: unknown): Response {
  const appErr = toAppError(err);
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (appErr.retryAfterSeconds !== undefined) headers["retry-after"] = String(Math.max(1, Math.ceil(appErr.retryAfterSeconds)));
  return Response.json(toErrorBody(appErr), { status: appErr.status, headers });
}

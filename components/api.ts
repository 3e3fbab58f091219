/**
 * Browser-side helper for the JSON HTTP API (docs/api.md). Every error body is
 * `{ error: { code, message, issues? } }`; ApiError carries it so the UI can
 * show the server's own message.
 */

export interface ApiIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: ApiIssue[];
  /** Seconds to wait before retrying (429 queue_full), from Retry-After or the body. */
  readonly retryAfterSeconds: number | null;

  constructor(status: number, code: string, message: string, issues: ApiIssue[], retryAfterSeconds: number | null) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.issues = issues;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; issues?: unknown; retryAfterSeconds?: unknown };
  retryAfterSeconds?: unknown;
}

function parseIssues(v: unknown): ApiIssue[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((i): i is { path?: unknown; message?: unknown } => typeof i === "object" && i !== null)
    .map((i) => ({ path: String(i.path ?? ""), message: String(i.message ?? "") }));
}

export async function api<T>(url: string, init: { method?: string; body?: unknown; signal?: AbortSignal; keepalive?: boolean } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? "GET",
      headers: init.body === undefined ? { accept: "application/json" } : { "content-type": "application/json", accept: "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
      keepalive: init.keepalive,
      cache: "no-store",
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError(0, "network", "Could not reach the server. Check your connection and try again.", [], null);
  }
  if (res.status === 204) return undefined as T;
  let body: unknown = null;
  const text = await res.text();
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (!res.ok) {
    const err = (body as ErrorBody | null)?.error;
    const header = res.headers.get("retry-after");
    const fromHeader = header !== null && /^\d+$/.test(header.trim()) ? Number(header) : null;
    const fromBody = err?.retryAfterSeconds ?? (body as ErrorBody | null)?.retryAfterSeconds;
    const retry = fromHeader ?? (typeof fromBody === "number" ? fromBody : null);
    throw new ApiError(
      res.status,
      typeof err?.code === "string" ? err.code : `http_${res.status}`,
      typeof err?.message === "string" && err.message ? err.message : `Request failed (HTTP ${res.status}).`,
      parseIssues(err?.issues),
      res.status === 429 ? (retry ?? 2) : retry,
    );
  }
  return body as T;
}

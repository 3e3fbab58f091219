/**
 * Parsing of request bodies and query strings for route handlers: size cap
 * first (413), then JSON syntax, then the zod schema (400 naming each field).
 */
import type { z } from "zod";
import { AppError, badRequest, issuesFromZod } from "../errors.ts";

/** Cap for JSON bodies without source code (auth, drafts are checked per field too). */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

export async function readJson<S extends z.ZodType>(req: Request, schema: S, maxBytes: number = DEFAULT_MAX_BODY_BYTES): Promise<z.output<S>> {
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const text = await req.text();
  if (Buffer.byteLength(text, "utf8") > maxBytes) throw tooLarge(maxBytes);
  let data: unknown;
  try {
    data = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    throw badRequest([{ path: "(body)", message: "Request body must be valid JSON" }]);
  }
  return parseWith(schema, data);
}

export function readQuery<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  const params = new URL(req.url).searchParams;
  // Repeated keys keep the last value; the API has no list-valued parameters.
  return parseWith(schema, Object.fromEntries(params.entries()));
}

export function parseWith<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw badRequest(issuesFromZod(result.error));
  return result.data;
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("payload_too_large", `Request body exceeds ${maxBytes} bytes`);
}

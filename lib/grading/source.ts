/** Validation of candidate source shared by drafts, Run and Submit. */
import { z } from "zod";
import { MAX_CUSTOM_INPUT_BYTES, MAX_SOURCE_BYTES } from "../../graders/limits.ts";
import type { Lang } from "../../graders/coding/types.ts";
import { AppError } from "../errors.ts";

export const LangSchema = z.enum(["js", "ts", "py"] satisfies Lang[], { error: "lang must be one of: js, ts, py" });

export const CodeSchema = z.string({ error: "code must be a string" });

/** Over-long source is 413 (not 400): the request was well-formed, just too big. */
export function assertSourceSize(code: string, field = "code"): void {
  const bytes = Buffer.byteLength(code, "utf8");
  if (bytes > MAX_SOURCE_BYTES) {
    throw new AppError("payload_too_large", `${field} is ${bytes} bytes; the limit is ${MAX_SOURCE_BYTES}`, {
      issues: [{ path: field, message: `at most ${MAX_SOURCE_BYTES} bytes` }],
    });
  }
}

/**
 * Cap on the whole JSON body of requests carrying source (drafts, Run,
 * Submit): the per-field limits are checked after parsing, against the
 * decoded text; JSON escaping can take up to 6 bytes per character
 * (`\u0001`), plus Run's custom input and the envelope.
 */
export const MAX_SOURCE_REQUEST_BYTES = (MAX_SOURCE_BYTES + MAX_CUSTOM_INPUT_BYTES) * 6 + 4096;

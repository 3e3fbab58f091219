/**
 * Run's optional custom input: JSON text holding a list of argument lists,
 * e.g. `[[["1.1.1.1 GET /"], 1]]`. Checked here against the problem's
 * signature so a typo gets a 400 naming the case, not a confusing verdict.
 */
import { MAX_CUSTOM_CASES, MAX_CUSTOM_INPUT_BYTES } from "../../graders/limits.ts";
import { signatureTypes } from "../../graders/coding/problem-files.ts";
import { checkArgs } from "../../graders/coding/types-parser.ts";
import type { CodingProblemMeta } from "../../graders/coding/types.ts";
import { AppError, badRequest } from "../errors.ts";

const FIELD = "customInput";

export function parseCustomInput(text: string | undefined, meta: CodingProblemMeta): unknown[][] | undefined {
  if (text === undefined || text.trim() === "") return undefined;
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_CUSTOM_INPUT_BYTES) {
    throw new AppError("payload_too_large", `${FIELD} is ${bytes} bytes; the limit is ${MAX_CUSTOM_INPUT_BYTES}`, {
      issues: [{ path: FIELD, message: `at most ${MAX_CUSTOM_INPUT_BYTES} bytes` }],
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw badRequest([{ path: FIELD, message: `not valid JSON: ${(e as Error).message}` }]);
  }
  if (!Array.isArray(value) || !value.every(Array.isArray)) {
    throw badRequest([{ path: FIELD, message: "must be a JSON array of argument lists, e.g. [[arg1, arg2]]" }]);
  }
  if (value.length > MAX_CUSTOM_CASES) {
    throw badRequest([{ path: FIELD, message: `at most ${MAX_CUSTOM_CASES} cases, got ${value.length}` }]);
  }
  const params = signatureTypes(meta).params;
  const issues = value.flatMap((args, i) => {
    const problem = checkArgs(params, args);
    return problem ? [{ path: `${FIELD}.${i}`, message: problem }] : [];
  });
  if (issues.length > 0) throw badRequest(issues);
  return value as unknown[][];
}

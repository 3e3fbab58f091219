/**
 * zod schemas of the files in a coding problem folder (docs/problem-format.md)
 * and the error type that names the file and field that is wrong.
 */
import { z } from "zod";
import { MAX_GRADING_LIMITS } from "../limits.ts";
import { VERDICTS } from "./verdicts.ts";
import { parseType } from "./types-parser.ts";

export interface ProblemFileIssue {
  path: string;
  message: string;
}

/** A problem file that is missing or malformed. `file` is relative to the problems root's parent. */
export class ProblemFileError extends Error {
  readonly file: string;
  readonly issues: ProblemFileIssue[];
  constructor(file: string, issues: ProblemFileIssue[]) {
    super(`${file}: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ")}`);
    this.name = "ProblemFileError";
    this.file = file;
    this.issues = issues;
  }
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

const typeString = z.string().superRefine((s, ctx) => {
  try {
    parseType(s);
  } catch (e) {
    ctx.addIssue({ code: "custom", message: (e as Error).message });
  }
});

const limit = (max: number) => z.number().int().positive().max(max);

export const problemJsonSchema = z.strictObject({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lowercase words separated by hyphens"),
  title: z.string().min(1).max(120),
  difficulty: z.enum(["easy", "medium", "hard"]),
  topics: z.array(z.string().min(1).max(40)).max(12),
  entry: z.string().regex(IDENT, "a JavaScript identifier"),
  params: z.array(z.strictObject({ name: z.string().regex(IDENT, "a JavaScript identifier"), type: typeString })).max(8),
  returns: typeString,
  limits: z
    .strictObject({
      cpuMs: limit(MAX_GRADING_LIMITS.cpuMs),
      wallMs: limit(MAX_GRADING_LIMITS.wallMs),
      memoryMb: limit(MAX_GRADING_LIMITS.memoryMb).min(8),
      outputKb: limit(MAX_GRADING_LIMITS.outputKb),
    })
    .partial()
    .optional(),
  checker: z
    .discriminatedUnion("kind", [
      z.strictObject({ kind: z.literal("exact") }),
      z.strictObject({ kind: z.literal("unordered") }),
      z.strictObject({
        kind: z.literal("float"),
        absTol: z.number().nonnegative().optional(),
        relTol: z.number().nonnegative().optional(),
      }),
      z.strictObject({ kind: z.literal("custom") }),
    ])
    .optional(),
  seed: z.number().int().optional(),
  wrong: z
    .array(
      z.strictObject({
        file: z.string().regex(/^wrong\/[\w.-]+\.(js|ts|py)$/, "a path like wrong/name.js, wrong/name.ts or wrong/name.py"),
        verdict: z.enum(VERDICTS).exclude(["accepted"]),
        why: z.string().min(1),
      }),
    )
    .optional(),
});

export type ProblemJson = z.infer<typeof problemJsonSchema>;

const hasExpected = (t: object): boolean => Object.hasOwn(t, "expected");

export const examplesSchema = z
  .array(
    z
      .strictObject({ args: z.array(z.unknown()), expected: z.unknown(), explanation: z.string().optional() })
      .refine(hasExpected, { message: "missing field expected", path: ["expected"] }),
  )
  .min(1, "at least one example");

export const testsSchema = z.array(
  z
    .strictObject({ args: z.array(z.unknown()), expected: z.unknown() })
    .refine(hasExpected, { message: "missing field expected", path: ["expected"] }),
);

/** Runs a zod schema over parsed JSON, throwing ProblemFileError naming the file and fields. */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new ProblemFileError(
    file,
    r.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
  );
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

/**
 * zod schema of problems/design/<slug>/problem.json and of weak/*.json, and
 * the error naming the file and field that is wrong.
 */
import { z } from "zod";
import { answerSchema } from "./answer-schema.ts";
import { tryParseQuantity } from "./units.ts";

export interface DesignFileIssue {
  path: string;
  message: string;
}

/** A design problem file that is missing or malformed. `file` is relative to the problems root's parent. */
export class DesignProblemFileError extends Error {
  readonly file: string;
  readonly issues: DesignFileIssue[];
  constructor(file: string, issues: DesignFileIssue[]) {
    super(`${file}: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ")}`);
    this.name = "DesignProblemFileError";
    this.file = file;
    this.issues = issues;
  }
}

const ID = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lowercase words separated by hyphens");
const KIND = z.string().regex(/^[a-z]+(-[a-z]+)*$/, "a kind id from aliases.json such as load-balancer");
const NAME = z.string().regex(/^[A-Za-z_]\w*$/, "an identifier usable in a formula");

const quantityText = z.string().superRefine((s, ctx) => {
  const r = tryParseQuantity(s);
  if (!r.ok) ctx.addIssue({ code: "custom", message: r.error });
});

/** Fields every objective check has: where it counts and what to tell a candidate who fails it. */
const common = {
  id: ID,
  dimension: ID,
  title: z.string().min(1).max(120),
  /** Shown when the check fails: a hint that teaches, never the answer itself. */
  teach: z.string().min(1).max(400),
  weight: z.number().positive().max(10).optional(),
};

export const diagramCheckSchema = z.discriminatedUnion("type", [
  z.strictObject({ ...common, type: z.literal("has-kind"), kind: KIND, min: z.number().int().positive().optional() }),
  z.strictObject({ ...common, type: z.literal("path"), kinds: z.array(KIND).min(2).max(8) }),
  z.strictObject({ ...common, type: z.literal("through"), from: KIND, to: KIND, via: KIND, ignoreEdgeLabels: z.array(z.string().min(1)).optional() }),
  z.strictObject({ ...common, type: z.literal("replicated"), kinds: z.array(KIND).min(1).optional() }),
  z.strictObject({ ...common, type: z.literal("forbid-edge"), from: KIND, to: KIND }),
  z.strictObject({ ...common, type: z.literal("forbid-path"), kinds: z.array(KIND).min(2).max(8) }),
  z.strictObject({ ...common, type: z.literal("forbid-kind"), kind: KIND }),
]);

const topic = z.strictObject({ name: z.string().min(1), anyOf: z.array(z.string().min(1)).min(1) });

export const textCheckSchema = z.discriminatedUnion("type", [
  z.strictObject({
    ...common,
    type: z.literal("requirements-quantities"),
    min: z.number().int().positive(),
    dimensions: z.array(z.enum(["count", "ratio", "rate", "data", "throughput", "duration"])).optional(),
  }),
  z.strictObject({
    ...common,
    type: z.literal("failure-modes"),
    min: z.number().int().positive(),
    topics: z.array(topic).optional(),
    minTopics: z.number().int().positive().optional(),
  }),
  z.strictObject({
    ...common,
    type: z.literal("slos"),
    min: z.number().int().positive(),
    need: z.array(z.enum(["availability", "latency", "freshness"])).optional(),
  }),
  z.strictObject({ ...common, type: z.literal("metrics"), min: z.number().int().positive(), topics: z.array(topic).optional() }),
  z.strictObject({ ...common, type: z.literal("alerts"), min: z.number().int().positive() }),
  z.strictObject({
    ...common,
    type: z.literal("sections-filled"),
    minWords: z.number().int().positive(),
    sections: z.array(z.enum(["requirements", "estimates", "api", "dataModel", "highLevel", "deepDives", "failureModes", "operations", "tradeoffs"])).optional(),
  }),
]);

export const estimateSpecSchema = z.strictObject({
  id: ID,
  name: z.string().min(1).max(120),
  /** The question as shown to the candidate. */
  ask: z.string().min(1).max(400),
  reference: quantityText,
  /** How the reference was derived; names refer to `inputs[].id`. */
  formula: z.string().min(1).max(300).optional(),
  inputs: z.array(z.strictObject({ id: NAME, name: z.string().min(1).max(120), reference: quantityText })).max(10).default([]),
  dimension: ID.default("estimation"),
  teach: z.string().min(1).max(400),
  weight: z.number().positive().max(10).optional(),
});

export const problemJsonSchema = z.strictObject({
  slug: ID,
  title: z.string().min(1).max(120),
  difficulty: z.enum(["easy", "medium", "hard"]),
  topics: z.array(z.string().min(1).max(40)).max(12),
  timeboxMinutes: z.number().int().min(10).max(180),
  scale: z.array(z.strictObject({ name: z.string().min(1).max(120), value: quantityText })).min(1).max(12),
  scoring: z.strictObject({ total: z.number().int().positive(), objective: z.number().int().positive() }),
  rubric: z
    .array(
      z.strictObject({
        id: ID,
        name: z.string().min(1).max(80),
        strong: z.string().min(1).max(600),
        weak: z.string().min(1).max(600),
        /** Points of the human (self/mentor-rated) part for this dimension. */
        points: z.number().int().positive(),
      }),
    )
    .min(2)
    .max(10),
  aliases: z.record(KIND, z.array(z.string().min(1))).optional(),
  estimates: z.array(estimateSpecSchema).min(1).max(10),
  diagram: z.array(diagramCheckSchema).max(20),
  textChecks: z.array(textCheckSchema).max(20),
});

export const weakAnswerSchema = z.strictObject({
  why: z.string().min(1).max(600),
  /** Inclusive range of objective points this answer must score. */
  expectObjective: z.strictObject({ min: z.number().nonnegative(), max: z.number().nonnegative() }),
  /** Checks that must fail for this answer, proving they catch what `why` describes. */
  mustFail: z.array(z.string()).default([]),
  answer: answerSchema,
});

export type ProblemJson = z.infer<typeof problemJsonSchema>;
export type DiagramCheck = z.infer<typeof diagramCheckSchema>;
export type TextCheck = z.infer<typeof textCheckSchema>;
export type EstimateSpec = z.infer<typeof estimateSpecSchema>;
export type WeakAnswerFile = z.infer<typeof weakAnswerSchema>;

/** Parses with a schema; throws DesignProblemFileError listing every issue with its field path. */
export function parseWith<S extends z.ZodType>(schema: S, raw: unknown, file: string): z.infer<S> {
  const r = schema.safeParse(raw);
  if (!r.success) {
    throw new DesignProblemFileError(
      file,
      r.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === "number" ? `[${p}]` : String(p))).join(".").replace(/\.\[/g, "["), message: i.message })),
    );
  }
  return r.data;
}

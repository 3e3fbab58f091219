/**
 * The stored design answer (what the app autosaves and the CLI grades):
 * Markdown sections, structured estimates, and the Excalidraw scene.
 * Sizes are capped so a hostile payload cannot make grading slow.
 */
import { z } from "zod";

export const SECTION_NAMES = [
  "requirements",
  "estimates",
  "api",
  "dataModel",
  "highLevel",
  "deepDives",
  "failureModes",
  "operations",
  "tradeoffs",
] as const;

export type SectionName = (typeof SECTION_NAMES)[number];

export const SECTION_TITLES: Record<SectionName, string> = {
  requirements: "Requirements",
  estimates: "Capacity estimates",
  api: "API",
  dataModel: "Data model",
  highLevel: "High-level design",
  deepDives: "Deep dives",
  failureModes: "Failure modes and mitigations",
  operations: "Operations (SLOs, metrics, alerts, rollout)",
  tradeoffs: "Trade-offs",
};

export const MAX_SECTION_CHARS = 40_000;
export const MAX_ELEMENTS = 3_000;

const section = z.string().max(MAX_SECTION_CHARS).default("");

const sectionsSchema = z.strictObject(
  Object.fromEntries(SECTION_NAMES.map((n) => [n, section])) as Record<SectionName, typeof section>,
);

const shortText = z.string().max(200);

export const estimateAnswerSchema = z.strictObject({
  name: z.string().min(1).max(120),
  value: shortText,
  inputs: z.array(z.strictObject({ name: z.string().min(1).max(120), value: shortText })).max(20).optional(),
});

/**
 * Only what the grader reads is typed; the rest of each element (colours,
 * seeds, versions) passes through untouched so the canvas reloads exactly.
 */
export const sceneElementSchema = z.looseObject({
  id: z.string().min(1).max(100),
  type: z.string().min(1).max(40),
  isDeleted: z.boolean().optional(),
  x: z.number().optional(),
  y: z.number().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  text: z.string().max(2_000).optional(),
  originalText: z.string().max(2_000).optional(),
  containerId: z.string().nullable().optional(),
  boundElements: z.array(z.looseObject({ id: z.string(), type: z.string() })).nullable().optional(),
  startBinding: z.looseObject({ elementId: z.string() }).nullable().optional(),
  endBinding: z.looseObject({ elementId: z.string() }).nullable().optional(),
  startArrowhead: z.string().nullable().optional(),
  endArrowhead: z.string().nullable().optional(),
  points: z.array(z.tuple([z.number(), z.number()])).max(500).optional(),
});

export const sceneSchema = z.looseObject({
  type: z.literal("excalidraw").optional(),
  version: z.number().optional(),
  elements: z.array(sceneElementSchema).max(MAX_ELEMENTS),
});

export const answerSchema = z.strictObject({
  version: z.literal(1).default(1),
  sections: sectionsSchema.default(Object.fromEntries(SECTION_NAMES.map((n) => [n, ""])) as Record<SectionName, string>),
  estimates: z.array(estimateAnswerSchema).max(40).default([]),
  diagram: sceneSchema.default({ type: "excalidraw", elements: [] }),
});

export type DesignAnswer = z.infer<typeof answerSchema>;
export type EstimateAnswer = z.infer<typeof estimateAnswerSchema>;
export type Scene = z.infer<typeof sceneSchema>;
export type SceneElement = z.infer<typeof sceneElementSchema>;

export class AnswerError extends Error {
  readonly issues: { path: string; message: string }[];
  constructor(issues: { path: string; message: string }[]) {
    super(`invalid design answer: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ")}`);
    this.name = "AnswerError";
    this.issues = issues;
  }
}

/** Validates an answer (stored JSON or an API payload); throws AnswerError naming each bad field. */
export function parseAnswer(raw: unknown): DesignAnswer {
  const r = answerSchema.safeParse(raw);
  if (!r.success) throw new AnswerError(r.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })));
  return r.data;
}

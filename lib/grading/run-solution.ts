/** Run: visible examples plus optional custom input; nothing stored (POST /api/problems/:slug/run). */
import { z } from "zod";
import type { GradeResult, Lang } from "../../graders/coding/types.ts";
import { requireUserFor } from "../auth/permissions.ts";
import { parseWith } from "../http/request.ts";
import { requireProblem } from "../problems/get-problem.ts";
import type { SessionUser } from "../view-types.ts";
import { parseCustomInput } from "./custom-input.ts";
import { gradePublic } from "./grade.ts";
import { assertSourceSize, CodeSchema, LangSchema } from "./source.ts";

export const RunSchema = z.object({
  lang: LangSchema,
  code: CodeSchema,
  customInput: z.string({ error: "customInput must be JSON text (a string)" }).optional(),
});

export interface RunSolutionOptions {
  user: SessionUser | null;
  slug: string;
  lang: Lang;
  code: string;
  customInput?: string | undefined;
}

export async function runSolution(options: RunSolutionOptions): Promise<GradeResult> {
  // Runs are not attributed to anyone (nothing is stored), but need an account.
  requireUserFor(options.user, "solution.run");
  const input = parseWith(RunSchema, { lang: options.lang, code: options.code, customInput: options.customInput });
  assertSourceSize(input.code);
  const { meta } = requireProblem(options.slug);
  const customInputs = parseCustomInput(input.customInput, meta);
  return gradePublic({ slug: meta.slug, lang: input.lang, code: input.code, mode: "run", ...(customInputs ? { customInputs } : {}) });
}

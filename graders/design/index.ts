/**
 * Public entry points of the design grader, for the app, the CLI
 * (`design-grade`, `problems check`) and tests. Framework-free.
 */
export { parseAnswer, AnswerError, SECTION_NAMES, SECTION_TITLES, type DesignAnswer } from "./answer-schema.ts";
export { checkDesignProblem, type DesignProblemCheck } from "./check.ts";
export { gradeDesignAnswer, runChecks } from "./grade.ts";
export {
  DesignProblemFileError,
  DesignProblemNotFoundError,
  listDesignProblemSlugs,
  loadDesignProblem,
  loadReferenceAnswer,
  loadWeakAnswers,
  type DesignProblem,
} from "./problem-files.ts";
export { publicDesignProblem, type PublicDesignProblem } from "./public.ts";
export { formatReport, type DesignReport } from "./report.ts";
export { parseQuantity, tryParseQuantity, formatQuantity, QuantityError, type Quantity } from "./units.ts";

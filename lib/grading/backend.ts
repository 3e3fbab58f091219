/**
 * The grading backend the services use. By default it is the one
 * graders/jobs configures for this process (the in-process worker pool, or a
 * queue in the scaled setup): the web app never chooses how grading runs.
 *
 * `useGradingBackend` replaces it for the whole process. It is the seam for
 * anything that embeds the services with its own grader: the integration
 * tests use it to simulate a full queue without saturating real workers.
 */
import type { GradeRequest, GradeResult } from "../../graders/coding/types.ts";
import { getGradingBackend } from "../../graders/jobs/index.ts";

export interface GradingBackend {
  grade(request: GradeRequest): Promise<GradeResult>;
}

const holder = globalThis as unknown as { __prodloopGradingBackend?: GradingBackend };

export function useGradingBackend(backend: GradingBackend | undefined): void {
  holder.__prodloopGradingBackend = backend;
}

export function gradingBackend(): GradingBackend {
  return holder.__prodloopGradingBackend ?? getGradingBackend();
}

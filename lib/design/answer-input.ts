/**
 * Design answers arriving from the browser: the body cap for requests that
 * carry one, and validation that names each bad field as `answer.<path>`.
 */
import { z } from "zod";
import { AnswerError, parseAnswer, type DesignAnswer } from "../../graders/design/answer-schema.ts";
import { badRequest } from "../errors.ts";

/** 9 sections of up to 40 000 characters and up to 3 000 canvas elements fit well inside. */
export const MAX_DESIGN_BODY_BYTES = 4 * 1024 * 1024;

/** Request bodies that carry an answer; the answer itself is checked by `toDesignAnswer`. */
export const AnswerBodySchema = z.object({ answer: z.unknown() });

export function toDesignAnswer(raw: unknown): DesignAnswer {
  if (raw === undefined || raw === null) throw badRequest([{ path: "answer", message: "Required" }]);
  try {
    return parseAnswer(raw);
  } catch (e) {
    if (e instanceof AnswerError) throw badRequest(e.issues.map((i) => ({ path: i.path ? `answer.${i.path}` : "answer", message: i.message })));
    throw e;
  }
}

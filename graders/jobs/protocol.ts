/** Messages between the pool (parent) and a grader worker process, over Node's IPC channel. */
import type { GradeRequest, GradeResult } from "../coding/types.ts";

export interface GradeJob {
  type: "grade";
  id: number;
  request: GradeRequest;
  /** Problems root the worker loads folders from. */
  root: string;
}

export type WorkerMessage =
  | { type: "ready" }
  /** The problem is loaded and candidate code is about to run under this wall limit. */
  | { type: "started"; id: number; wallMs: number; total: number }
  | { type: "result"; id: number; result: GradeResult }
  | { type: "failed"; id: number; error: { name: string; message: string; file?: string } };

/**
 * Every limit the platform enforces, in one place. Problems may override the
 * per-submission grading limits in their problem.json (`limits`), but never
 * beyond the MAX_* ceilings below: the server validates that when it loads a
 * problem folder, so a typo in a problem file cannot disable a limit.
 */

/** Per-submission grading limits (defaults for a problem that sets none). */
export const DEFAULT_GRADING_LIMITS = {
  /** CPU time the candidate's code may use across all tests of one submission. */
  cpuMs: 2_000,
  /** Wall time for the whole submission (covers awaiting promises that never settle). */
  wallMs: 10_000,
  /** V8 heap limit of the submission's isolate. */
  memoryMb: 64,
  /** Console output (all tests together) before `output_limit`. */
  outputKb: 64,
} as const;

export type GradingLimits = { cpuMs: number; wallMs: number; memoryMb: number; outputKb: number };

/**
 * CPU and wall time multipliers per language, applied to a problem's limits.
 * CPython (in Pyodide) runs interview code several times slower than V8, and
 * converting large inputs into Python objects costs more; judges that accept
 * Python give it a larger budget for the same reason. Memory and output
 * limits are the same for every language.
 */
export const LANGUAGE_TIME_FACTOR = { js: 1, ts: 1, py: 3 } as const;

export function limitsForLanguage(limits: GradingLimits, lang: keyof typeof LANGUAGE_TIME_FACTOR): GradingLimits {
  const f = LANGUAGE_TIME_FACTOR[lang];
  return { ...limits, cpuMs: limits.cpuMs * f, wallMs: limits.wallMs * f };
}

/** Ceilings a problem file may not exceed. */
export const MAX_GRADING_LIMITS: GradingLimits = { cpuMs: 10_000, wallMs: 30_000, memoryMb: 512, outputKb: 1024 };

/** Largest serialized return value of one test before `output_limit` (bytes of JSON). */
export const MAX_RESULT_BYTES = 8 * 1024 * 1024;

/** Source code size accepted by the API and the CLI. */
export const MAX_SOURCE_BYTES = 64 * 1024;

/** Custom inputs on Run: how many cases and how large the JSON of all of them. */
export const MAX_CUSTOM_CASES = 10;
export const MAX_CUSTOM_INPUT_BYTES = 256 * 1024;

/** Grader worker pool. */
export const POOL_LIMITS = {
  /** Worker processes (each judges one submission at a time). 0 = number of CPUs. */
  workers: 0,
  /** Jobs waiting beyond the running ones; past this the API answers 429. */
  maxQueue: 64,
  /** Seconds a 429 tells the client to wait before retrying. */
  retryAfterSeconds: 2,
  /**
   * Resident memory of one grader worker process before it kills itself.
   * isolated-vm's memoryLimit is a guideline (one huge allocation such as
   * `new Array(1e8).fill(0)` can run past it); this is the hard stop, and the
   * pool turns the worker's death into memory_limit for that submission.
   */
  workerRssMb: 1024,
} as const;

/** Accounts. */
export const AUTH_LIMITS = {
  minPasswordLength: 8,
  maxPasswordLength: 200,
  sessionDays: 30,
} as const;

/** The troubleshooting round's simulated shell (validated by lib/troubleshoot). */
export const HOST_LIMITS = {
  /** One command line as typed (bytes). */
  maxLineBytes: 4096,
  /** Output of one command returned to the terminal; the rest is cut with a notice. */
  maxOutputBytes: 256 * 1024,
  /** Output kept per command in the transcript shown after solving. */
  transcriptOutputBytes: 4096,
  /** Commands kept in the transcript (oldest dropped first). */
  transcriptEntries: 2000,
  /** Commands replayed into the terminal when the page is reloaded. */
  replayEntries: 40,
  /** A command that takes longer than this (real time) is abandoned with an error. */
  commandWallMs: 10_000,
} as const;

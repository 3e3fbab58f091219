/**
 * Test helper: a real WorkerPool over the fixture problems
 * (graders/coding/__fixtures__/problems), one per test file. Grading goes
 * through worker processes because isolated-vm needs --no-node-snapshot,
 * which vitest's own processes do not have. Workers keep no warm Python
 * isolate (these tests grade JavaScript and TypeScript), so they start fast.
 */
import path from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import type { GradeRequest, GradeResult, Lang } from "../coding/types.ts";
import { WorkerPool, type PoolOptions } from "./pool.ts";

export const FIXTURE_ROOT = path.join(process.cwd(), "graders", "coding", "__fixtures__", "problems");

/** Correct solutions of the fixture problems, to prove a worker is still healthy. */
export const GOOD: Record<string, { lang: Lang; code: string }> = {
  identity: { lang: "js", code: "function solve(n) { return n; }" },
  "add-all": { lang: "js", code: "function addAll(nums) { return nums.reduce((a, b) => a + b, 0); }" },
  evens: { lang: "ts", code: "export function evens(nums: number[]): number[] { return nums.filter((n) => n % 2 === 0); }" },
  mean: { lang: "js", code: "function mean(xs) { return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null; }" },
  "two-sum": {
    lang: "js",
    code: "function twoSum(nums, target) { for (let j = 0; j < nums.length; j++) for (let i = 0; i < j; i++) if (nums[i] + nums[j] === target) return [i, j]; return null; }",
  },
};

export interface TestPool {
  /** Valid inside tests (created in beforeAll). */
  readonly pool: WorkerPool;
  grade(slug: string, code: string, opts?: { lang?: Lang; mode?: GradeRequest["mode"]; customInputs?: unknown[][] }): Promise<GradeResult>;
  /** Grades a correct solution and expects `accepted`: the worker that ran the previous job is fine. */
  expectHealthy(slug?: string): Promise<void>;
}

/** Registers beforeAll/afterAll creating and closing a pool over the fixtures. */
export function useTestPool(options: Partial<PoolOptions> = {}): TestPool {
  let pool: WorkerPool | undefined;
  beforeAll(async () => {
    pool = new WorkerPool({ workers: 2, maxQueue: 64, retryAfterSeconds: 1, problemsRoot: FIXTURE_ROOT, pythonWarm: 0, ...options });
    await pool.whenReady();
  });
  afterAll(async () => {
    await pool?.close();
  });
  const t: TestPool = {
    get pool(): WorkerPool {
      if (!pool) throw new Error("the test pool is created in beforeAll");
      return pool;
    },
    grade(slug, code, opts = {}) {
      return t.pool.grade({ slug, lang: opts.lang ?? "js", code, mode: opts.mode ?? "submit", ...(opts.customInputs ? { customInputs: opts.customInputs } : {}) });
    },
    async expectHealthy(slug = "identity") {
      const good = GOOD[slug] as { lang: Lang; code: string };
      const r = await t.grade(slug, good.code, { lang: good.lang });
      expect(r.verdict, JSON.stringify(r.error)).toBe("accepted");
      expect(r.passed).toBe(r.total);
    },
  };
  return t;
}

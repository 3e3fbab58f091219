/**
 * The grader worker pool: bounded queue, a worker dying mid-job, concurrent
 * submissions, failures that are not the candidate's.
 */
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GradeRequest } from "../coding/types.ts";
import { GradingFailedError, QueueFullError, WorkerPool } from "./pool.ts";
import { FIXTURE_ROOT, GOOD } from "./test-pool.ts";

const LOOP: GradeRequest = { slug: "identity", lang: "js", code: "function solve(n) { for (;;) {} }", mode: "submit" };
const OK: GradeRequest = { slug: "identity", lang: "js", code: "function solve(n) { return n; }", mode: "submit" };

function examples(slug: string): { args: unknown[] }[] {
  return JSON.parse(readFileSync(path.join(FIXTURE_ROOT, "coding", slug, "examples.json"), "utf8")) as { args: unknown[] }[];
}

/** The worker processes of a pool (a private field; tests only). */
function children(pool: WorkerPool): { child: ChildProcess; job: unknown }[] {
  return [...(pool as unknown as { slots: Set<{ child: ChildProcess; job: unknown }> }).slots];
}

describe("one worker, queue of one", () => {
  let pool: WorkerPool;
  beforeAll(async () => {
    pool = new WorkerPool({ workers: 1, maxQueue: 1, retryAfterSeconds: 3, problemsRoot: FIXTURE_ROOT, pythonWarm: 0 });
    await pool.whenReady();
  });
  afterAll(async () => {
    await pool.close();
  });

  it("runs one job, queues one, and refuses the next with QueueFullError and a retry hint", async () => {
    const running = pool.grade(LOOP);
    const queued = pool.grade(OK);
    expect(pool.stats()).toMatchObject({ workers: 1, busy: 1, queueDepth: 1 });
    const refused = pool.grade(OK);
    await expect(refused).rejects.toBeInstanceOf(QueueFullError);
    await expect(refused).rejects.toMatchObject({ retryAfterSeconds: 3 });
    expect((await running).verdict).toBe("time_limit");
    expect((await queued).verdict).toBe("accepted");
    expect(pool.stats()).toMatchObject({ busy: 0, queueDepth: 0, workerRestarts: 0 });
  });

  it("a worker killed mid-job: that job gets memory_limit, the worker is replaced and the queued job still runs", async () => {
    const before = pool.stats().workerRestarts;
    const running = pool.grade(LOOP);
    const queued = pool.grade({ ...OK, code: "function solve(n) { return n; } // queued" });
    const busy = children(pool).find((s) => s.job);
    expect(busy).toBeDefined();
    busy?.child.kill("SIGKILL");
    const r = await running;
    expect(r.verdict).toBe("memory_limit");
    expect(r.error?.kind).toBe("limit");
    expect(r.tests).toEqual([]);
    const next = await queued;
    expect(next.verdict).toBe("accepted");
    expect(pool.stats()).toMatchObject({ workers: 1, busy: 0, queueDepth: 0, workerRestarts: before + 1 });
    expect(pool.healthy()).toBe(true);
  });

  it("an idle worker that dies is replaced too", async () => {
    const before = pool.stats().workerRestarts;
    const [slot] = children(pool);
    const exited = new Promise<void>((resolve) => slot?.child.once("exit", () => resolve()));
    slot?.child.kill("SIGKILL");
    await exited;
    expect(pool.stats()).toMatchObject({ workers: 1, workerRestarts: before + 1 });
    expect((await pool.grade(OK)).verdict).toBe("accepted");
  });

  it("a broken request is the grader's failure (GradingFailedError), not a verdict, and the worker carries on", async () => {
    await expect(pool.grade({ ...OK, slug: "no-such-problem" })).rejects.toBeInstanceOf(GradingFailedError);
    expect((await pool.grade(OK)).verdict).toBe("accepted");
  });
});

describe("a worker that stops answering", () => {
  it("is killed after its time allowance: the job gets time_limit and the worker is replaced", async () => {
    const pool = new WorkerPool({ workers: 1, maxQueue: 4, retryAfterSeconds: 1, problemsRoot: FIXTURE_ROOT, pythonWarm: 0, loadTimeoutMs: 2000, graceMs: 500 });
    try {
      await pool.whenReady();
      // A correct solution: time_limit can only come from the pool giving up on a frozen worker.
      const frozen = pool.grade(OK);
      const busy = children(pool).find((s) => s.job);
      busy?.child.kill("SIGSTOP");
      const r = await frozen;
      expect(r.verdict).toBe("time_limit");
      expect(r.error?.message).toMatch(/grader stopped it/);
      expect(pool.stats()).toMatchObject({ workers: 1, busy: 0, workerRestarts: 1 });
      expect((await pool.grade(OK)).verdict).toBe("accepted");
    } finally {
      await pool.close();
    }
  });
});

describe("two workers, many concurrent submissions", () => {
  let pool: WorkerPool;
  beforeAll(async () => {
    pool = new WorkerPool({ workers: 2, maxQueue: 64, retryAfterSeconds: 1, problemsRoot: FIXTURE_ROOT, pythonWarm: 0 });
    await pool.whenReady();
  });
  afterAll(async () => {
    await pool.close();
  });

  it("results of concurrent submissions do not mix", async () => {
    type Sub = { req: GradeRequest; verdict: string; first?: unknown };
    const subs: Sub[] = [];
    for (let k = 0; k < 6; k++) {
      // Each returns a different wrong value: the first test's actual identifies the submission.
      subs.push({ req: { ...OK, code: `function solve(n) { return n + ${100 + k}; }` }, verdict: "wrong_answer", first: 101 + k });
    }
    for (const slug of Object.keys(GOOD)) {
      const good = GOOD[slug] as { lang: "js" | "ts"; code: string };
      subs.push({ req: { slug, lang: good.lang, code: good.code, mode: "submit" }, verdict: "accepted" });
    }
    subs.push({ req: { ...OK, code: "function solve(n) { return n +; }" }, verdict: "compile_error" });
    subs.push({ req: { ...OK, code: "function solve(n) { throw new Error('mine ' + n); }" }, verdict: "runtime_error" });
    subs.push({ req: { slug: "evens", lang: "js", code: "function evens(nums) { return nums; }", mode: "submit" }, verdict: "wrong_answer" });
    subs.push({ req: { slug: "mean", lang: "js", code: "function mean(xs) { return 7; }", mode: "run", customInputs: [[[3, 4]]] }, verdict: "wrong_answer" });

    const results = await Promise.all(subs.map((s) => pool.grade(s.req)));
    results.forEach((r, i) => {
      const s = subs[i] as Sub;
      expect(r.verdict, `${s.req.slug}: ${s.req.code}`).toBe(s.verdict);
      if (r.verdict !== "compile_error") {
        // The tests are this problem's own, in order.
        expect(r.tests[0]?.input).toEqual(examples(s.req.slug)[0]?.args);
      }
      if (s.first !== undefined) expect(r.tests[0]?.actual).toBe(s.first);
    });
    expect(results.at(-3)?.error?.message).toBe("Error: mine 1");
    const run = results.at(-1);
    expect(run?.tests.map((x) => x.actual)).toEqual([7, 7, 7]);
    expect(run?.tests[2]).toMatchObject({ custom: true, input: [[3, 4]], expected: 3.5 });
    expect(pool.stats()).toMatchObject({ workers: 2, busy: 0, queueDepth: 0, workerRestarts: 0 });
  });

  it("close() rejects waiting jobs and refuses new ones", async () => {
    const local = new WorkerPool({ workers: 1, maxQueue: 4, retryAfterSeconds: 1, problemsRoot: FIXTURE_ROOT, pythonWarm: 0 });
    await local.whenReady();
    const settled = Promise.allSettled([local.grade(LOOP), local.grade(OK)]);
    await local.close();
    for (const s of await settled) {
      expect(s.status).toBe("rejected");
      expect(String((s as PromiseRejectedResult).reason)).toMatch(/shut down/);
    }
    await expect(local.grade(OK)).rejects.toThrow(/shut down/);
    expect(local.healthy()).toBe(false);
  });
});

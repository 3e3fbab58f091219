/** The checkers on plain data (they run in the grader process, never in the sandbox). */
import { describe, expect, it } from "vitest";
import { check as twoSumCheck } from "./__fixtures__/problems/coding/two-sum/checker.ts";
import { checkResult, deepEqual } from "./checkers.ts";

describe("exact", () => {
  const exact = (expected: unknown, actual: unknown): boolean => checkResult({ kind: "exact" }, [], expected, actual).ok;

  it("compares structure deeply, object keys in any order", () => {
    expect(exact({ a: [1, { b: "x" }], c: null }, { c: null, a: [1, { b: "x" }] })).toBe(true);
    expect(exact([1, 2, 3], [1, 2, 3])).toBe(true);
    expect(exact([1, 2, 3], [1, 3, 2])).toBe(false);
    expect(exact([1, 2], [1, 2, 3])).toBe(false);
  });

  it("does not coerce types", () => {
    expect(exact(1, "1")).toBe(false);
    expect(exact(0, false)).toBe(false);
    expect(exact(null, 0)).toBe(false);
    expect(exact([], {})).toBe(false);
    expect(exact({ 0: 1, length: 1 }, [1])).toBe(false);
    expect(exact({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(exact({ a: 1, b: 2 }, { a: 1, c: 2 })).toBe(false);
  });

  it("NaN equals NaN", () => {
    expect(deepEqual(Number.NaN, Number.NaN)).toBe(true);
    expect(deepEqual([Number.NaN], [0])).toBe(false);
  });

  it("keys inherited from a prototype are not own keys", () => {
    const proto = { b: 2 };
    const sneaky = Object.assign(Object.create(proto) as Record<string, unknown>, { a: 1, c: 3 });
    expect(deepEqual({ a: 1, b: 2 }, sneaky)).toBe(false);
  });
});

describe("unordered", () => {
  const unordered = (expected: unknown, actual: unknown): boolean => checkResult({ kind: "unordered" }, [], expected, actual).ok;

  it("accepts any order of the same multiset", () => {
    expect(unordered([1, 2, 2, 3], [2, 3, 1, 2])).toBe(true);
    expect(unordered([{ a: 1, b: 2 }, [1, 2]], [[1, 2], { b: 2, a: 1 }])).toBe(true);
  });

  it("counts duplicates and lengths", () => {
    expect(unordered([1, 2, 2], [1, 1, 2])).toBe(false);
    expect(unordered([1, 2], [1, 2, 2])).toBe(false);
    expect(unordered([], [])).toBe(true);
  });

  it("orders only the top level", () => {
    expect(unordered([[1, 2]], [[2, 1]])).toBe(false);
  });

  it("distinguishes values that print alike", () => {
    expect(unordered(["1"], [1])).toBe(false);
    expect(unordered([null], ["null"])).toBe(false);
  });

  it("falls back to deep equality for non-arrays", () => {
    expect(unordered({ a: 1 }, { a: 1 })).toBe(true);
    expect(unordered(5, [5])).toBe(false);
  });
});

describe("float", () => {
  it("absolute tolerance, element-wise and inside objects", () => {
    const spec = { kind: "float", absTol: 1e-3 } as const;
    expect(checkResult(spec, [], 1.5, 1.5009).ok).toBe(true);
    expect(checkResult(spec, [], 1.5, 1.502).ok).toBe(false);
    expect(checkResult(spec, [], [1, { p99: 2.5 }], [1.0001, { p99: 2.4995 }]).ok).toBe(true);
    expect(checkResult(spec, [], [1, 2], [1]).ok).toBe(false);
  });

  it("relative tolerance for large values", () => {
    const spec = { kind: "float", absTol: 0, relTol: 1e-9 } as const;
    expect(checkResult(spec, [], 1e12, 1e12 + 100).ok).toBe(true);
    expect(checkResult(spec, [], 1e12, 1e12 + 10_000).ok).toBe(false);
  });

  it("defaults to 1e-6 absolute", () => {
    expect(checkResult({ kind: "float" }, [], 0.1 + 0.2, 0.3).ok).toBe(true);
    expect(checkResult({ kind: "float" }, [], 0.3, 0.30001).ok).toBe(false);
  });

  it("is exact for non-numbers and non-finite numbers", () => {
    const spec = { kind: "float", absTol: 1 } as const;
    expect(checkResult(spec, [], null, 0).ok).toBe(false);
    expect(checkResult(spec, [], "1", 1).ok).toBe(false);
    expect(checkResult(spec, [], Number.POSITIVE_INFINITY, 1e308).ok).toBe(false);
    expect(checkResult(spec, [], { a: 1 }, { a: 1, b: 1 }).ok).toBe(false);
  });
});

describe("custom", () => {
  it("runs the problem's checker with its message", () => {
    const args = [[3, 1, 2, 4], 5];
    expect(checkResult({ kind: "custom" }, args, [0, 1], [1, 3], twoSumCheck)).toEqual({ ok: true });
    expect(checkResult({ kind: "custom" }, args, [0, 1], [3, 1], twoSumCheck)).toMatchObject({ ok: false, message: expect.stringMatching(/increasing/) });
    expect(checkResult({ kind: "custom" }, args, [0, 1], null, twoSumCheck)).toMatchObject({ ok: false });
  });

  it("gives the checker copies, so it cannot corrupt the test data", () => {
    const args = [[1, 2]];
    const expected = [9];
    const actual = [9];
    checkResult({ kind: "custom" }, args, expected, actual, (a, e, x) => {
      (a[0] as number[]).push(99);
      (e as number[]).pop();
      (x as number[]).pop();
      return { ok: true };
    });
    expect(args).toEqual([[1, 2]]);
    expect(expected).toEqual([9]);
    expect(actual).toEqual([9]);
  });

  it("a checker returning nonsense or missing is the problem author's error", () => {
    expect(() => checkResult({ kind: "custom" }, [], 1, 1, () => ({}) as never)).toThrow(/must return/);
    expect(() => checkResult({ kind: "custom" }, [], 1, 1)).toThrow(/none was loaded/);
  });
});

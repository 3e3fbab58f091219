/**
 * Grading as a candidate experiences it, through the real worker pool and the
 * fixture problems: verdicts, error positions in the candidate's own source,
 * the forms of solution the statement allows, checkers, Run vs Submit, and
 * that the full (internal) result carries hidden test data.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURE_ROOT, useTestPool } from "../jobs/test-pool.ts";

const t = useTestPool();

function fixtureCount(slug: string, file: "examples.json" | "tests.json"): number {
  return (JSON.parse(readFileSync(path.join(FIXTURE_ROOT, "coding", slug, file), "utf8")) as unknown[]).length;
}
const IDENTITY_EXAMPLES = fixtureCount("identity", "examples.json");
const IDENTITY_TOTAL = IDENTITY_EXAMPLES + fixtureCount("identity", "tests.json");

describe("verdicts", () => {
  it("accepts a correct solution on every test", async () => {
    const r = await t.grade("identity", "function solve(n) {\n  return n;\n}\n");
    expect(r.verdict).toBe("accepted");
    expect(r.total).toBe(IDENTITY_TOTAL);
    expect(r.passed).toBe(IDENTITY_TOTAL);
    expect(r.tests).toHaveLength(IDENTITY_TOTAL);
    expect(r.tests.every((x) => x.verdict === "accepted")).toBe(true);
    expect(r.tests.slice(0, IDENTITY_EXAMPLES).every((x) => !x.hidden)).toBe(true);
    expect(r.tests.slice(IDENTITY_EXAMPLES).every((x) => x.hidden)).toBe(true);
    expect(r.error).toBeUndefined();
    expect(r.memoryBytes).toBeGreaterThan(0);
    expect(r.cpuTimeMs).toBeGreaterThanOrEqual(0);
  });

  it("gives wrong_answer with the failing visible test in full", async () => {
    const r = await t.grade("identity", "function solve(n) { return n + 1; }");
    expect(r.verdict).toBe("wrong_answer");
    expect(r.passed).toBe(0);
    expect(r.tests[0]).toMatchObject({ index: 0, hidden: false, verdict: "wrong_answer", input: [1], expected: 1, actual: 2 });
    await t.expectHealthy();
  });

  it("takes the overall verdict from the first failing test, here a hidden one", async () => {
    const r = await t.grade("identity", "function solve(n) { if (n === 5) throw new Error('five'); return n > 10 ? -n : n; }");
    const firstBad = r.tests.find((x) => x.verdict !== "accepted");
    expect(firstBad).toMatchObject({ hidden: true, verdict: "runtime_error", input: [5] });
    expect(r.verdict).toBe("runtime_error");
    expect(r.tests.some((x) => x.verdict === "wrong_answer")).toBe(true);
    expect(r.passed).toBe(r.tests.filter((x) => x.verdict === "accepted").length);
  });

  it("reports a missing return as wrong_answer, not as a crash", async () => {
    const r = await t.grade("identity", "function solve(n) { n; }");
    expect(r.verdict).toBe("wrong_answer");
    expect(r.tests[0]).toMatchObject({ actual: "undefined" });
    expect(r.tests[0]?.message).toMatch(/returned undefined/);
  });

  it("shows console output of a visible test", async () => {
    const r = await t.grade("identity", "function solve(n) { console.log('n is', n, { n }); return n; }");
    expect(r.verdict).toBe("accepted");
    expect(r.tests[0]?.stdout).toBe('n is 1 {"n":1}\n');
  });
});

describe("compile errors point into the candidate's source", () => {
  it("JavaScript: line and column of the syntax error", async () => {
    const r = await t.grade("identity", "// a comment\nfunction solve(n) {\n  return n +;\n}\n");
    expect(r.verdict).toBe("compile_error");
    expect(r.error).toMatchObject({ kind: "compile", line: 3, column: 13 });
    expect(r.error?.message).toMatch(/^solution\.js:3:13: /);
    expect(r.tests).toEqual([]);
    expect(r.total).toBe(IDENTITY_TOTAL);
    await t.expectHealthy();
  });

  it("TypeScript: positions count the type-only lines too", async () => {
    const code = "interface Req {\n  n: number;\n}\ntype N = number;\nfunction solve(n: N): N {\n  let y: = 3;\n  return n;\n}\n";
    const r = await t.grade("identity", code, { lang: "ts" });
    expect(r.verdict).toBe("compile_error");
    expect(r.error).toMatchObject({ kind: "compile", line: 6, column: 10 });
    expect(r.error?.message).toMatch(/^solution\.ts:6:10: /);
  });

  it("TypeScript syntax in a .js solution is a compile error", async () => {
    const r = await t.grade("identity", "function solve(n: number) {\n  return n;\n}", { lang: "js" });
    expect(r.verdict).toBe("compile_error");
    expect(r.error).toMatchObject({ line: 1, column: 17 });
  });

  it("names the entry function when it is missing", async () => {
    const r = await t.grade("identity", "function solv(n) { return n; }");
    expect(r.verdict).toBe("compile_error");
    expect(r.error?.message).toMatch(/No top-level function named solve/);
    expect(r.error?.line).toBeUndefined();
  });

  it("an entry that is not a function is a runtime error", async () => {
    const r = await t.grade("identity", "const solve = 42;");
    expect(r.verdict).toBe("runtime_error");
    expect(r.error?.message).toMatch(/solve is not a function/);
  });
});

describe("runtime errors carry a stack mapped into the candidate's source", () => {
  it("JavaScript", async () => {
    const r = await t.grade("identity", "function solve(n) {\n  const o = null;\n  if (n > 0) return o.x;\n  return n;\n}\n");
    expect(r.verdict).toBe("runtime_error");
    expect(r.error).toMatchObject({ kind: "runtime", line: 3, column: 23 });
    expect(r.error?.message).toMatch(/^TypeError: Cannot read properties of null/);
    expect(r.error?.stack).toMatch(/\n {4}at solve \(solution\.js:3:23\)/);
    // Harness frames are not shown.
    expect(r.error?.stack).not.toMatch(/prodloop|harness/);
    expect(r.tests[0]?.message).toContain("solution.js:3:23");
    await t.expectHealthy();
  });

  it("TypeScript: frames point at the .ts lines, past erased types", async () => {
    const code = [
      "interface Box {",
      "  v: number;",
      "}",
      "type Maybe<T> = T | undefined;",
      "function unwrap(b: Maybe<Box>): number {",
      "  return (b as Box).v.toFixed(0).length;",
      "}",
      "export function solve(n: number): number {",
      "  const m: Maybe<Box> = n > 100 ? { v: n } : undefined;",
      "  return unwrap(m);",
      "}",
    ].join("\n");
    const r = await t.grade("identity", code, { lang: "ts" });
    expect(r.verdict).toBe("runtime_error");
    expect(r.error).toMatchObject({ line: 6 });
    const frames = r.error?.stack?.split("\n").slice(1) ?? [];
    expect(frames[0]).toMatch(/^ {4}at unwrap \(solution\.ts:6:\d+\)$/);
    expect(frames[1]).toMatch(/^ {4}at solve \(solution\.ts:10:\d+\)$/);
  });

  it("an error thrown while the module loads", async () => {
    const r = await t.grade("identity", "const table = {};\ntable.missing.push(1);\nfunction solve(n) { return n; }\n");
    expect(r.verdict).toBe("runtime_error");
    expect(r.error?.message).toMatch(/while loading your module/);
    expect(r.error?.line).toBe(2);
    expect(r.tests).toEqual([]);
  });

  it("a thrown non-Error value at top level or in the entry", async () => {
    const top = await t.grade("identity", "throw null;\nfunction solve(n) { return n; }");
    expect(top.verdict).toBe("runtime_error");
    expect(top.error?.message).toMatch(/^Uncaught: null/);
    const inside = await t.grade("identity", "function solve(n) { throw 7; }");
    expect(inside.verdict).toBe("runtime_error");
    expect(inside.error?.message).toBe("Uncaught: 7");
    const plain = await t.grade("identity", "async function solve(n) { throw { code: 'E_BAD', n }; }");
    expect(plain.verdict).toBe("runtime_error");
    expect(plain.error?.message).toBe('Uncaught: {"code":"E_BAD","n":1}');
    const empty = await t.grade("identity", "function solve(n) { throw new TypeError(); }");
    expect(empty.error?.message).toBe("TypeError: ");
    await t.expectHealthy();
  });
});

describe("forms of solution", () => {
  const forms: [string, "js" | "ts", string][] = [
    ["function declaration", "js", "function solve(n) { return n; }"],
    ["export function", "js", "export function solve(n) { return n; }"],
    ["const arrow", "js", "const solve = (n) => n;"],
    ["export const arrow", "js", "export const solve = (n) => n;"],
    ["let function expression", "js", "let solve = function (n) { return n; };"],
    ["helpers and classes", "js", "class Acc { constructor() { this.v = 0; } add(x) { this.v += x; return this; } }\nfunction solve(n) { return new Acc().add(n).v; }"],
    [
      "TypeScript with types, generics, enums and casts",
      "ts",
      "enum Mode { Same = 1 }\ninterface Id<T> { (x: T): T }\nconst id: Id<number> = <T,>(x: T): T => x;\nexport function solve(n: number): number {\n  const k = (n as unknown) as number;\n  return id(k) * Mode.Same;\n}",
    ],
    ["TypeScript export const arrow", "ts", "export const solve = (n: number): number => n;"],
    ["async function (awaited)", "js", "async function solve(n) { await null; await Promise.resolve(); return n; }"],
    ["returning a promise", "js", "function solve(n) { return Promise.resolve().then(() => n); }"],
    ["returning a thenable", "js", "function solve(n) { return { then(res) { res(n); } }; }"],
  ];
  for (const [name, lang, code] of forms) {
    it(`accepts ${name}`, async () => {
      const r = await t.grade("identity", code, { lang });
      expect(r.verdict, JSON.stringify(r.error)).toBe("accepted");
      expect(r.passed).toBe(IDENTITY_TOTAL);
    });
  }

  it("judges the awaited value of an async solution", async () => {
    const wrong = await t.grade("identity", "async function solve(n) { await null; return n * 2; }");
    expect(wrong.verdict).toBe("wrong_answer");
    expect(wrong.tests[0]?.actual).toBe(2);
    const rejected = await t.grade("identity", "async function solve(n) {\n  await null;\n  throw new RangeError('nope');\n}");
    expect(rejected.verdict).toBe("runtime_error");
    expect(rejected.error?.message).toBe("RangeError: nope");
    expect(rejected.error?.line).toBe(3);
  });

  it("does not share state between submissions", async () => {
    const first = await t.grade("identity", "globalThis.seen = (globalThis.seen ?? 0) + 1; Object.prototype.polluted = 1; function solve(n) { return n; }");
    expect(first.verdict).toBe("accepted");
    const second = await t.grade("identity", "function solve(n) { return typeof globalThis.seen === 'undefined' && ({}).polluted === undefined ? n : -1; }");
    expect(second.verdict).toBe("accepted");
  });

  it("keeps module state across the tests of one submission (one isolate per submission)", async () => {
    const r = await t.grade("identity", "let calls = 0;\nfunction solve(n) { return ++calls; }", { mode: "run", customInputs: [[9]] });
    expect(r.tests.map((x) => x.actual)).toEqual([1, 2, 3]);
  });
});

describe("checkers", () => {
  it("exact: deep equality of the returned structure", async () => {
    const r = await t.grade("add-all", "function addAll(nums) { return String(nums.reduce((a, b) => a + b, 0)); }");
    expect(r.verdict).toBe("wrong_answer");
    expect(r.tests[0]).toMatchObject({ expected: 6, actual: "6" });
    await t.expectHealthy("add-all");
  });

  it("unordered: any order of the same multiset", async () => {
    const reversed = await t.grade("evens", "function evens(nums) { return nums.filter((n) => n % 2 === 0).reverse(); }");
    expect(reversed.verdict).toBe("accepted");
    const sorted = await t.grade("evens", "function evens(nums) { return nums.filter((n) => n % 2 === 0).sort((a, b) => b - a); }");
    expect(sorted.verdict).toBe("accepted");
    const dupes = await t.grade("evens", "function evens(nums) { const e = nums.filter((n) => n % 2 === 0); return e.map(() => e[0]); }");
    expect(dupes.verdict).toBe("wrong_answer");
    const extra = await t.grade("evens", "function evens(nums) { return [...nums.filter((n) => n % 2 === 0), 0]; }");
    expect(extra.verdict).toBe("wrong_answer");
  });

  it("float: within the tolerance is accepted, beyond it is not", async () => {
    const close = await t.grade("mean", "function mean(xs) { return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length + 0.0004 : null; }");
    expect(close.verdict).toBe("accepted");
    const far = await t.grade("mean", "function mean(xs) { return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length + 0.01 : null; }");
    expect(far.verdict).toBe("wrong_answer");
    const nullVsZero = await t.grade("mean", "function mean(xs) { return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0; }");
    expect(nullVsZero.verdict).toBe("wrong_answer");
    expect(nullVsZero.tests[1]).toMatchObject({ expected: null, actual: 0, verdict: "wrong_answer" });
  });

  it("custom (two-sum): any valid pair is accepted, invalid pairs are not", async () => {
    // Largest i for each j: a different pair from the reference's wherever several exist.
    const other = await t.grade("two-sum", "function twoSum(nums, target) { for (let j = 0; j < nums.length; j++) for (let i = j - 1; i >= 0; i--) if (nums[i] + nums[j] === target) return [i, j]; return null; }");
    expect(other.verdict).toBe("accepted");
    expect(other.passed).toBe(other.total);
    const reversed = await t.grade("two-sum", "function twoSum(nums, target) { for (let j = 0; j < nums.length; j++) for (let i = 0; i < j; i++) if (nums[i] + nums[j] === target) return [j, i]; return null; }");
    expect(reversed.verdict).toBe("wrong_answer");
    expect(reversed.tests[0]?.message).toMatch(/increasing/);
    const none = await t.grade("two-sum", "const twoSum = () => null;");
    expect(none.verdict).toBe("wrong_answer");
    await t.expectHealthy("two-sum");
  });
});

describe("Run and Submit", () => {
  it("Run grades the visible examples and custom inputs, expected values from the reference", async () => {
    const r = await t.grade("identity", "function solve(n) { console.log('got', n); return n === 41 ? 0 : n; }", { mode: "run", customInputs: [[41], [7]] });
    expect(r.total).toBe(IDENTITY_EXAMPLES + 2);
    expect(r.tests.every((x) => !x.hidden)).toBe(true);
    expect(r.tests[IDENTITY_EXAMPLES]).toMatchObject({ custom: true, input: [41], expected: 41, actual: 0, verdict: "wrong_answer", stdout: "got 41\n" });
    expect(r.tests[IDENTITY_EXAMPLES + 1]).toMatchObject({ custom: true, input: [7], expected: 7, actual: 7, verdict: "accepted" });
    expect(r.verdict).toBe("wrong_answer");
  });

  it("Submit's full result carries hidden tests' data (the API strips it, see lib/grading/public-result.ts)", async () => {
    const r = await t.grade("identity", "function solve(n) { console.log('secret', n); return n > 2 ? n + 1 : n; }");
    const hidden = r.tests.filter((x) => x.hidden);
    expect(hidden.length).toBe(IDENTITY_TOTAL - IDENTITY_EXAMPLES);
    expect(hidden[0]).toMatchObject({ hidden: true, verdict: "wrong_answer", input: [3], expected: 3, actual: 4, stdout: "secret 3\n" });
    expect(r.verdict).toBe("wrong_answer");
  });
});

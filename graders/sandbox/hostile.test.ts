/**
 * Hostile submissions, graded through the real worker pool on the `identity`
 * fixture (solve(n) returns n; limits: 400 ms CPU, 1.5 s wall, 32 MB, 8 KB of
 * console output). Each case asserts the verdict and that the pool then
 * grades a normal submission correctly.
 */
import { describe, expect, it } from "vitest";
import type { GradeResult } from "../coding/types.ts";
import type { Verdict } from "../coding/verdicts.ts";
import { useTestPool } from "../jobs/test-pool.ts";

const t = useTestPool();

async function expectVerdict(code: string, verdict: Verdict, slug = "identity"): Promise<GradeResult> {
  const r = await t.grade(slug, code);
  expect(r.verdict, JSON.stringify(r.error ?? r.tests.find((x) => x.verdict !== "accepted"))).toBe(verdict);
  await t.expectHealthy(slug);
  return r;
}

describe("time", () => {
  it("an infinite loop is stopped (time_limit)", async () => {
    const r = await expectVerdict("function solve(n) { for (;;) {} }", "time_limit");
    expect(r.tests[0]).toMatchObject({ index: 0, verdict: "time_limit" });
  });

  it("a loop that catches its own termination is still stopped", async () => {
    await expectVerdict("function solve(n) { for (;;) { try { for (;;) {} } catch (e) { /* keep going */ } } }", "time_limit");
  });

  it("a try/finally loop that restarts itself is still stopped", async () => {
    await expectVerdict("function solve(n) { for (;;) { try { for (;;) {} } finally { continue; } } }", "time_limit");
  });

  it("an infinite loop in the module's top-level code", async () => {
    const r = await expectVerdict("for (;;) {}\nfunction solve(n) { return n; }", "time_limit");
    expect(r.tests).toEqual([]);
  });

  it("an endless chain of microtasks", async () => {
    await expectVerdict("async function solve(n) { for (;;) await null; }", "time_limit");
  });

  it("a promise that never settles ends in time_limit without the pool killing the worker", async () => {
    const before = t.pool.stats().workerRestarts;
    const r = await expectVerdict("function solve(n) { return new Promise(() => {}); }", "time_limit");
    expect(r.error?.message).toMatch(/never settled/);
    await expectVerdict("function solve(n) { return { then() {} }; }", "time_limit");
    await expectVerdict("async function solve(n) { await new Promise(() => {}); return n; }", "time_limit");
    expect(t.pool.stats().workerRestarts).toBe(before);
  });

  it("CPU time is a budget for the whole submission (slow on one big hidden test)", async () => {
    await expectVerdict("function addAll(nums) { let s = 0; for (const n of nums) { for (let i = 0; i < 1e6; i++) s += 0; s += n; } return s; }", "time_limit", "add-all");
  });

  it("setTimeout and friends do not exist in the sandbox", async () => {
    const r = await expectVerdict("function solve(n) { return new Promise((resolve) => setTimeout(() => resolve(n), 0)); }", "runtime_error");
    expect(r.error?.message).toMatch(/setTimeout is not defined/);
    await expectVerdict(
      "function solve(n) { for (const k of ['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'queueMicrotask']) if (typeof globalThis[k] !== 'undefined') throw new Error(k); return n; }",
      "accepted",
    );
  });

  it("Atomics.wait cannot block: Atomics and SharedArrayBuffer are undefined", async () => {
    const r = await expectVerdict("function solve(n) { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); return n; }", "runtime_error");
    expect(r.error?.message).toMatch(/is not defined/);
    await expectVerdict("function solve(n) { if (typeof Atomics !== 'undefined' || typeof SharedArrayBuffer !== 'undefined') throw new Error('present'); return n; }", "accepted");
  });
});

// Memory bombs run on `mean` (default limits: 64 MB, 2 s CPU, 10 s wall), so a
// slow, loaded machine cannot turn them into a wall-time verdict.
describe("memory", () => {
  it("a bomb of arrays", async () => {
    await expectVerdict("function mean(xs) { const keep = []; for (;;) keep.push(new Array(1e6).fill(1)); }", "memory_limit", "mean");
  });

  it("a bomb of strings (doubling)", async () => {
    await expectVerdict("function mean(xs) { let s = 'ab'; for (;;) s += s; }", "memory_limit", "mean");
  });

  it("one enormous flat string", async () => {
    await expectVerdict("function mean(xs) { return 'ab'.repeat(2 ** 26).toUpperCase().length; }", "memory_limit", "mean");
  });

  it("a bomb of typed arrays", async () => {
    await expectVerdict("function mean(xs) { const keep = []; for (;;) keep.push(new Float64Array(1 << 20)); }", "memory_limit", "mean");
  });

  it("one enormous typed array / ArrayBuffer", async () => {
    await expectVerdict("function mean(xs) { return new Uint8Array(2 ** 31).length; }", "memory_limit", "mean");
    await expectVerdict("function mean(xs) { return new ArrayBuffer(2 ** 30).byteLength; }", "memory_limit", "mean");
  });

  it("one large allocation that outgrows the limit and finishes (checked after the test)", async () => {
    const r = await expectVerdict("function mean(xs) { return new Array(2e7).length; }", "memory_limit", "mean");
    expect(r.error?.message).toMatch(/Memory limit of 64 MB/);
    await expectVerdict("const table = new Array(2e7);\nfunction mean(xs) { return 1; }", "memory_limit", "mean");
  });

  it("a solution within the limit is not flagged", async () => {
    await expectVerdict(
      "const table = new Array(4e6).fill(0);\nfunction mean(xs) { const copy = new Array(1e5).fill(0); return xs.length ? xs.reduce((a, b) => a + b, copy[0]) / xs.length : null; }",
      "accepted",
      "mean",
    );
  });

  it("WebAssembly (whose memory the isolate limit would not count) is undefined", async () => {
    const r = await expectVerdict("function solve(n) { new WebAssembly.Memory({ initial: 1, maximum: 65536 }); return n; }", "runtime_error");
    expect(r.error?.message).toMatch(/WebAssembly is not defined/);
    await expectVerdict("function solve(n) { if (typeof WebAssembly !== 'undefined' || 'WebAssembly' in globalThis) throw new Error('present'); return n; }", "accepted");
  });

  it("deep recursion is a RangeError (runtime_error) with a mapped stack", async () => {
    const r = await expectVerdict("function down(x) {\n  return down(x + 1) + 1;\n}\nfunction solve(n) { return down(n); }", "runtime_error");
    expect(r.error?.message).toBe("RangeError: Maximum call stack size exceeded");
    expect(r.error?.stack).toMatch(/at down \(solution\.js:2:\d+\)/);
  });
});

describe("output", () => {
  it("runaway console output (output_limit)", async () => {
    const r = await expectVerdict("function solve(n) { for (;;) console.log('spam spam spam'); }", "output_limit");
    // What was printed up to the limit is kept, within the limit.
    expect(r.tests[0]?.stdout?.length).toBeGreaterThan(0);
    expect(r.tests[0]?.stdout?.length).toBeLessThanOrEqual(8 * 1024);
  });

  it("console output that swallows the limit error still ends in output_limit", async () => {
    await expectVerdict("function solve(n) { for (let i = 0; i < 2000; i++) { try { console.log('spam spam spam'); } catch {} } return n; }", "output_limit");
  });

  it("one enormous console line", async () => {
    await expectVerdict("function solve(n) { console.error('x'.repeat(1e6)); return n; }", "output_limit");
  });

  it("output is counted across tests of one submission", async () => {
    await expectVerdict("function solve(n) { console.log('y'.repeat(1000)); return n; }", "output_limit");
  });

  it("an enormous return value: one huge string", async () => {
    const r = await expectVerdict("function mean(xs) { return 'x'.repeat(9 * 1024 * 1024); }", "output_limit", "mean");
    expect(r.error?.message).toMatch(/Return value exceeded/);
  });

  it("an enormous return value: the same big string many times", async () => {
    await expectVerdict("function mean(xs) { const s = 'x'.repeat(1 << 20); return new Array(64).fill(s); }", "output_limit", "mean");
  });

  it("an enormous return value: millions of numbers (default limits)", async () => {
    await expectVerdict("function mean(xs) { return Array.from({ length: 2e6 }, (_, i) => i); }", "output_limit", "mean");
  });

  it("a cyclic return value is a runtime error", async () => {
    const r = await expectVerdict("function solve(n) { const a = [n]; a.push(a); return a; }", "runtime_error");
    expect(r.error?.message).toMatch(/nested too deeply/);
  });
});

describe("results are copied as data inside the sandbox", () => {
  it("a Proxy result: its traps run in the sandbox (their console output is captured) and it is judged as plain data", async () => {
    const code = "function solve(n) { return new Proxy([n], { get(t, k, r) { if (k === 'length') console.log('trap length'); return Reflect.get(t, k, r); } }); }";
    const r = await expectVerdict(code, "wrong_answer");
    expect(r.tests[0]).toMatchObject({ actual: [1], expected: 1, stdout: "trap length\n" });
  });

  it("a Proxy that returns the right data is simply the right data", async () => {
    await expectVerdict("function evens(nums) { return new Proxy(nums.filter((x) => x % 2 === 0), {}); }", "accepted", "evens");
  });

  it("a Proxy whose traps throw is the candidate's runtime error", async () => {
    await expectVerdict("function solve(n) { return new Proxy({}, { ownKeys() { throw new Error('trap'); } }); }", "runtime_error");
  });

  it("a Proxy whose traps loop is the candidate's time_limit", async () => {
    await expectVerdict("function solve(n) { return new Proxy({}, { ownKeys() { for (;;) {} } }); }", "time_limit");
  });

  it("a getter in the result runs once, in the sandbox", async () => {
    const r = await expectVerdict("let reads = 0;\nfunction solve(n) { return { get v() { reads++; console.log('read', reads); return reads; } }; }", "wrong_answer");
    expect(r.tests[0]).toMatchObject({ actual: { v: 1 }, stdout: "read 1\n" });
    expect(r.tests[1]).toMatchObject({ actual: { v: 2 }, stdout: "read 2\n" });
  });

  it("a getter that loops is the candidate's time_limit", async () => {
    await expectVerdict("function solve(n) { return { get x() { for (;;) {} } }; }", "time_limit");
  });

  it("a result with toJSON, holes, undefined and functions follows JSON.stringify", async () => {
    const code =
      "function solve(n) { const a = [1, -0, NaN, 1e21, -Infinity, undefined, () => 1, Symbol('s'), { a: undefined, b: 2, f() {}, d: { toJSON(k) { return 'key:' + k; } } }, new Date(0), [,'x']];" +
      " for (let i = 0; i < 3000; i++) a.push(i % 5 === 0 ? i / 3 : i % 7 === 0 ? null : i % 11 === 0 ? 'y' + i : i);" +
      " return [a, JSON.parse(JSON.stringify(a))]; }";
    const r = await t.grade("identity", code, { mode: "run", customInputs: [[1]] });
    const actual = r.tests[0]?.actual as [unknown, unknown];
    expect(actual[0]).toEqual(actual[1]);
    expect((actual[0] as unknown[]).slice(0, 11)).toEqual([1, 0, null, 1e21, null, null, null, null, { b: 2, d: "key:d" }, "1970-01-01T00:00:00.000Z", [null, "x"]]);
  });
});

describe("no host capability", () => {
  it("process, require and friends are not reachable through globals or constructors", async () => {
    const code = `
function solve(n) {
  const found = [];
  for (const k of ["process", "require", "module", "exports", "Buffer", "global", "fetch", "XMLHttpRequest", "WebSocket", "Deno", "Bun", "__dirname"]) {
    if (typeof globalThis[k] !== "undefined") found.push("global " + k);
  }
  const ctors = [Function, ({}).constructor.constructor, (async () => {}).constructor, (function* () {}).constructor, solve.constructor, Error.constructor];
  for (const F of ctors) {
    let r;
    try { r = F("return typeof process + typeof require + typeof globalThis.process")(); } catch (e) { r = "threw"; }
    if (typeof r === "string" && r !== "undefinedundefinedundefined" && r !== "threw") found.push("ctor " + r);
  }
  const g = Function("return this")();
  if (g.process || g.require) found.push("global via Function");
  if (found.length) throw new Error(found.join(", "));
  return n;
}`;
    await expectVerdict(code, "accepted");
  });

  it("stack-trace hooks expose no host object", async () => {
    const code = `
function solve(n) {
  const seen = [];
  Error.prepareStackTrace = (err, frames) => {
    for (const f of frames) {
      for (const get of ["getThis", "getFunction", "getTypeName", "getFileName", "getEvalOrigin"]) {
        let v;
        try { v = f[get](); } catch {}
        if (v && (typeof v === "object" || typeof v === "function")) {
          try {
            const F = v.constructor && v.constructor.constructor;
            const r = F ? F("return typeof process + typeof require")() : "";
            if (r && r !== "undefinedundefined") seen.push(get + ":" + r);
          } catch {}
          if (v.process || v.require) seen.push(get + " has process");
        }
      }
    }
    return "custom stack";
  };
  const e = new Error("probe");
  void e.stack;
  Error.captureStackTrace(e);
  void e.stack;
  try { null.x; } catch (x) { void x.stack; }
  if (seen.length) throw new Error(seen.join(", "));
  return n;
}`;
    await expectVerdict(code, "accepted");
  });

  it("a custom Error.prepareStackTrace does not break error reporting", async () => {
    const r = await expectVerdict("Error.prepareStackTrace = () => ({ toString() { throw new Error('no'); } });\nfunction solve(n) { throw new Error('boom'); }", "runtime_error");
    expect(r.error?.message).toBe("Error: boom");
  });

  it("dynamic import() fails inside the sandbox", async () => {
    const r = await expectVerdict("async function solve(n) { const fs = await import('node:fs'); return fs ? n : n; }", "runtime_error");
    expect(r.error?.message).not.toMatch(/^(?!Error|TypeError)/);
  });

  it("static imports are refused before any code runs", async () => {
    for (const spec of ["node:fs", "fs", "./helper.js", "https://example.com/x.js"]) {
      const r = await t.grade("identity", `import x from ${JSON.stringify(spec)};\nfunction solve(n) { return n; }`);
      expect(r.verdict).toBe("compile_error");
      expect(r.error?.message).toMatch(/solutions cannot import modules|not available/);
    }
    await t.expectHealthy();
  });
});

describe("patching built-ins cannot fool the checker or the harness", () => {
  const patches = `
JSON.stringify = () => "1";
JSON.parse = () => [1];
Object.keys = () => [];
Object.entries = () => [];
Array.isArray = () => false;
Array.prototype.map = function () { return []; };
Array.prototype.every = () => true;
Array.prototype.join = () => "";
Array.prototype.push = () => 0;
Array.prototype.slice = () => [];
String.prototype.slice = () => undefined;
String.prototype.charCodeAt = () => 0;
Object.prototype.hasOwnProperty = () => true;
Reflect.apply = () => 1;
Number.prototype.toString = () => "1";
Promise.prototype.then = function () {};
Object.defineProperty(Array.prototype, "0", { get() { return 1; }, set(v) {}, configurable: true });
Object.defineProperty(Object.prototype, "v", { get() { return 1; }, set(v) {}, configurable: true });
`;

  it("a wrong answer stays wrong_answer", async () => {
    const r = await expectVerdict(`${patches}\nfunction solve(n) { return n + 1; }`, "wrong_answer");
    expect(r.tests[0]).toMatchObject({ expected: 1, actual: 2 });
  });

  it("a wrong structure stays wrong_answer under the unordered checker", async () => {
    await expectVerdict(`${patches}\nfunction evens(nums) { return [nums.length]; }`, "wrong_answer", "evens");
  });

  it("a right answer is still accepted", async () => {
    await expectVerdict(`${patches}\nfunction solve(n) { return n; }`, "accepted");
    await expectVerdict(`${patches}\nfunction evens(nums) { return nums.filter((x) => x % 2 === 0); }`, "accepted", "evens");
  });

  it("errors and console output still report correctly", async () => {
    const r = await expectVerdict(`${patches}\nfunction solve(n) {\n  console.log("x", [n]);\n  throw new Error("boom");\n}`, "runtime_error");
    expect(r.error).toMatchObject({ message: "Error: boom", line: patches.split("\n").length + 3 });
    expect(r.tests[0]?.stdout).toBe("x [1]\n");
  });

  it("patched built-ins cannot forge a result envelope", async () => {
    const r = await expectVerdict(
      `String.prototype.slice = function () { return '","k":"ok","v":1,"x":"'; };\nfunction solve(n) { throw { name: 'X', message: '"}', stack: '' }; }`,
      "runtime_error",
    );
    expect(r.passed).toBe(0);
  });
});

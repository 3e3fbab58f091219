/** Compiling candidate source with esbuild: positions in the candidate's own source, entry export, stack mapping. */
import { describe, expect, it } from "vitest";
import { compileSolution, ENTRY_EXPORT } from "./compile.ts";
import { mapStack } from "./stack.ts";

async function compileError(source: string, lang: "js" | "ts" = "js"): Promise<{ message: string; line?: number; column?: number }> {
  const r = await compileSolution(source, lang, "solve");
  if (r.ok) throw new Error("expected a compile error");
  return r.error;
}

describe("compileSolution", () => {
  it("reports a JavaScript syntax error at its line and column", async () => {
    const e = await compileError("function solve(n) {\n  const x = [1, 2;\n  return n;\n}");
    expect(e).toMatchObject({ line: 2, column: 18 });
    expect(e.message).toMatch(/^solution\.js:2:18: /);
  });

  it("reports a TypeScript error at its line and column", async () => {
    const e = await compileError("type A = { x: number };\nfunction solve(n: number): number {\n  return n as ;\n}", "ts");
    expect(e).toMatchObject({ line: 3 });
    expect(e.message).toMatch(/^solution\.ts:3:\d+: /);
  });

  it("an error past the end of the source (unclosed comment or string) points at the last line", async () => {
    const e = await compileError("function solve(n) { return n; }\n/* never closed");
    expect(e.line).toBe(2);
    const t = await compileError("function solve(n) {\n  return `open;\n}");
    expect(t.line).toBeLessThanOrEqual(3);
  });

  it("a missing entry function gets a plain message without a position", async () => {
    const e = await compileError("function other(n) { return n; }");
    expect(e.message).toBe("No top-level function named solve: define `function solve(…)` or `const solve = (…) => …`.");
    expect(e.line).toBeUndefined();
  });

  it("a trailing line comment does not swallow the entry export", async () => {
    const r = await compileSolution("function solve(n) { return n; } // the end", "js", "solve");
    expect(r.ok).toBe(true);
  });

  it("strips TypeScript types and exports the entry under a fixed name", async () => {
    const r = await compileSolution("interface P { n: number }\nexport const solve = (p: P): number => p.n as number;", "ts", "solve");
    if (!r.ok) throw new Error(r.error.message);
    expect(r.compiled.code).not.toMatch(/interface|: number/);
    expect(r.compiled.code).toContain(ENTRY_EXPORT);
    expect(r.compiled.filename).toBe("solution.ts");
  });
});

describe("mapStack", () => {
  it("maps compiled positions back to the TypeScript source and drops harness frames", async () => {
    const source = "interface A {\n  a: number;\n}\ntype B = A;\nfunction inner(x: B): number {\n  throw new Error('x');\n}\nexport function solve(n: number) {\n  return inner({ a: n });\n}";
    const r = await compileSolution(source, "ts", "solve");
    if (!r.ok) throw new Error(r.error.message);
    const lines = r.compiled.code.split("\n");
    const throwLine = lines.findIndex((l) => l.includes("throw new Error")) + 1;
    const callLine = lines.findIndex((l) => l.includes("return inner(")) + 1;
    const raw = [
      "Error: x",
      `    at inner (solution.ts:${throwLine}:9)`,
      `    at solve (solution.ts:${callLine}:10)`,
      "    at Object.run (prodloop-harness.js:200:20)",
      "    at solution.ts:9999:1",
    ].join("\n");
    const m = mapStack(raw, "Error: x", "solution.ts", r.compiled.map, r.compiled);
    expect(m.line).toBe(6);
    expect(m.stack.split("\n")).toEqual(["Error: x", expect.stringMatching(/^ {4}at inner \(solution\.ts:6:\d+\)$/), expect.stringMatching(/^ {4}at solve \(solution\.ts:9:\d+\)$/)]);
  });
});

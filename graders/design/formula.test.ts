import { describe, expect, it } from "vitest";
import { evaluateFormula, formulaNames, FormulaError } from "./formula.ts";
import { dimensionOf } from "./units.ts";

const count = (value: number) => ({ value, exp: { data: 0, time: 0 } });
const seconds = (value: number) => ({ value, exp: { data: 0, time: 1 } });
const bytes = (value: number) => ({ value, exp: { data: 1, time: 0 } });

describe("formulas", () => {
  it("carries dimensions through * and /", () => {
    const v = evaluateFormula("hosts * series / interval", { hosts: count(1e6), series: count(1000), interval: seconds(10) });
    expect(v.value).toBe(1e8);
    expect(dimensionOf(v.exp)).toBe("rate");
  });

  it("reads bracketed literals with units and respects precedence", () => {
    const v = evaluateFormula("(rate + rate) * b * [1 day]", { rate: { value: 10, exp: { data: 0, time: -1 } }, b: bytes(2) });
    expect(v.value).toBe(40 * 86_400);
    expect(dimensionOf(v.exp)).toBe("data");
    expect(dimensionOf(evaluateFormula("1 / r", { r: { value: 4, exp: { data: 0, time: -1 } } }).exp)).toBe("duration");
  });

  it("lists the names it reads", () => {
    expect(formulaNames("a * b / a + [3 s] * c")).toEqual(["a", "b", "c"]);
  });

  it.each([
    ["a + t", /different dimensions/],
    ["a *", /ends too early/],
    ["(a", /missing '\)'/],
    ["a b", /unexpected "b"/],
    ["a $ 2", /unexpected "\$"/],
    ["zz", /unknown name "zz"/],
    ["[2 mb]", /ambiguous/],
  ])("rejects %s", (src, message) => {
    expect(() => evaluateFormula(src, { a: count(1), t: seconds(1) })).toThrow(FormulaError);
    expect(() => evaluateFormula(src, { a: count(1), t: seconds(1) })).toThrow(message);
  });
});

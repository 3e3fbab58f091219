/**
 * Scores the asked capacity estimates. Magnitude: full credit within a factor
 * of 3 of the reference, half within 10, none beyond. Consistency: when the
 * estimate has a formula, the candidate's own stated inputs are run through it
 * and must reproduce their answer within 20 % (catches unit slips even when
 * the inputs differ from ours). Messages never reveal the reference value.
 */
import type { EstimateAnswer } from "./answer-schema.ts";
import { evaluateFormula, type DimValue } from "./formula.ts";
import { words } from "./kinds.ts";
import type { EstimateSpec } from "./problem-schema.ts";
import { result, type CheckResult } from "./results.ts";
import { DIMENSION_EXPONENTS, DIMENSION_WORDS, formatQuantity, parseQuantity, sameDimension, tryParseQuantity, type Quantity } from "./units.ts";

export const FULL_FACTOR = 3;
export const PARTIAL_FACTOR = 10;
export const CONSISTENCY_TOLERANCE = 0.2;

function key(s: string): string {
  return words(s).join("");
}

function findAnswer(spec: EstimateSpec, answers: EstimateAnswer[]): EstimateAnswer | undefined {
  const want = new Set([key(spec.id), key(spec.name)]);
  return answers.find((a) => want.has(key(a.name)));
}

/** Credit for a value against a reference of the same dimension: 1, 0.5 or 0. */
export function magnitudeCredit(value: number, reference: number): number {
  if (value <= 0 || reference <= 0) return value === reference ? 1 : 0;
  const factor = Math.max(value / reference, reference / value);
  if (factor <= FULL_FACTOR) return 1;
  if (factor <= PARTIAL_FACTOR) return 0.5;
  return 0;
}

export function scoreEstimates(specs: EstimateSpec[], answers: EstimateAnswer[]): CheckResult[] {
  return specs.flatMap((spec) => scoreOne(spec, answers));
}

function scoreOne(spec: EstimateSpec, answers: EstimateAnswer[]): CheckResult[] {
  const weight = spec.weight ?? 1;
  const mag = { id: `estimate:${spec.id}`, dimension: spec.dimension, title: `Estimate: ${spec.name}`, weight };
  const cons = { id: `consistency:${spec.id}`, dimension: spec.dimension, title: `Arithmetic: ${spec.name}`, weight: weight / 2 };
  const out: CheckResult[] = [];
  const ans = findAnswer(spec, answers);
  const reference = parseQuantity(spec.reference);
  let value: Quantity | undefined;

  if (!ans || ans.value.trim() === "") {
    out.push(result(mag, 0, `No value given for "${spec.name}". ${spec.ask}`));
  } else {
    const parsed = tryParseQuantity(ans.value);
    if (!parsed.ok) out.push(result(mag, 0, `Could not read your value: ${parsed.error}`));
    else if (!sameDimension(parsed.quantity.dimension, reference.dimension)) {
      out.push(result(mag, 0, `"${spec.name}" asks for ${DIMENSION_WORDS[reference.dimension]}, but ${ans.value} is ${DIMENSION_WORDS[parsed.quantity.dimension]}.`));
    } else {
      value = parsed.quantity;
      const credit = magnitudeCredit(value.value, reference.value);
      const dir = value.value > reference.value ? "high" : "low";
      const msg =
        credit === 1
          ? `${formatQuantity(value)} is within a factor of ${FULL_FACTOR} of the reference.`
          : credit > 0
            ? `${formatQuantity(value)} is between ${FULL_FACTOR}× and ${PARTIAL_FACTOR}× too ${dir}. ${spec.teach}`
            : `${formatQuantity(value)} is more than ${PARTIAL_FACTOR}× too ${dir}. ${spec.teach}`;
      out.push(result(mag, credit, msg));
    }
  }

  if (spec.formula) out.push(consistency(spec, cons, ans, value));
  return out;
}

function consistency(spec: EstimateSpec, base: { id: string; dimension: string; title: string; weight: number }, ans: EstimateAnswer | undefined, value: Quantity | undefined): CheckResult {
  const names = spec.inputs.map((i) => i.name).join(", ");
  if (!ans || !value) return result(base, 0, `Give a readable value for "${spec.name}" and the inputs behind it (${names}).`);
  const given = ans.inputs ?? [];
  if (given.length === 0) return result(base, 0, `State the inputs you used (${names}) so your arithmetic can be checked.`);
  const vars: Record<string, DimValue> = {};
  const missing: string[] = [];
  for (const input of spec.inputs) {
    const want = new Set([key(input.id), key(input.name)]);
    const g = given.find((x) => want.has(key(x.name)));
    if (!g) {
      missing.push(input.name);
      continue;
    }
    const q = tryParseQuantity(g.value);
    if (!q.ok) return result(base, 0, `Could not read input "${g.name}": ${q.error}`);
    const refDim = parseQuantity(input.reference).dimension;
    if (!sameDimension(q.quantity.dimension, refDim)) {
      return result(base, 0, `Input "${input.name}" should be ${DIMENSION_WORDS[refDim]}, but ${g.value} is ${DIMENSION_WORDS[q.quantity.dimension]}.`);
    }
    vars[input.id] = { value: q.quantity.value, exp: DIMENSION_EXPONENTS[q.quantity.dimension] };
  }
  if (missing.length > 0) return result(base, 0, `Missing input${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}.`);
  const computed = evaluateFormula(spec.formula!, vars).value;
  const off = computed === 0 ? (value.value === 0 ? 0 : Infinity) : Math.abs(value.value - computed) / Math.abs(computed);
  const shown = formatQuantity({ value: computed, dimension: value.dimension });
  if (off <= CONSISTENCY_TOLERANCE) return result(base, 1, `Your inputs give ${shown}, consistent with your answer.`);
  return result(base, 0, `Your own inputs give ${shown}, not ${formatQuantity(value)}: recheck the arithmetic and unit conversions (per second vs per day, bits vs bytes).`);
}

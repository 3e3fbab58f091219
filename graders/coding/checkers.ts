/**
 * Checkers compare a candidate's return value with the expected one. They run
 * in the grader process on plain data parsed from JSON text that the sandbox
 * produced, so nothing the candidate patched inside its isolate (prototypes,
 * JSON, Object) can influence the comparison.
 */
import type { CheckerSpec } from "./types.ts";

export interface CheckOutcome {
  ok: boolean;
  message?: string;
}

/** A custom checker module's export (problems/coding/<slug>/checker.ts). */
export type CustomCheck = (args: unknown[], expected: unknown, actual: unknown) => CheckOutcome;

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === "number" && typeof b === "number") return Number.isNaN(a) && Number.isNaN(b);
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao);
  if (ak.length !== Object.keys(bo).length) return false;
  for (const k of ak) {
    if (!Object.hasOwn(bo, k) || !deepEqual(ao[k], bo[k])) return false;
  }
  return true;
}

function floatEqual(a: unknown, b: unknown, absTol: number, relTol: number): boolean {
  if (typeof a === "number" && typeof b === "number") {
    if (a === b) return true;
    if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
    const diff = Math.abs(a - b);
    return diff <= absTol || diff <= relTol * Math.max(Math.abs(a), Math.abs(b));
  }
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => floatEqual(x, b[i], absTol, relTol));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao);
  return ak.length === Object.keys(bo).length && ak.every((k) => Object.hasOwn(bo, k) && floatEqual(ao[k], bo[k], absTol, relTol));
}

/** Canonical text of a JSON value with object keys sorted, for multiset comparison. */
function canonical(v: unknown): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v) ?? "undefined";
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(",")}}`;
}

function unorderedEqual(expected: unknown, actual: unknown): boolean {
  if (!Array.isArray(expected) || !Array.isArray(actual)) return deepEqual(expected, actual);
  if (expected.length !== actual.length) return false;
  const counts = new Map<string, number>();
  for (const e of expected) {
    const k = canonical(e);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  for (const a of actual) {
    const k = canonical(a);
    const n = counts.get(k) ?? 0;
    if (n === 0) return false;
    counts.set(k, n - 1);
  }
  return true;
}

/**
 * Compares one test's result. `custom` must be given for a custom checker;
 * its exceptions are the problem author's bug and are reported as such.
 */
export function checkResult(spec: CheckerSpec, args: unknown[], expected: unknown, actual: unknown, custom?: CustomCheck): CheckOutcome {
  switch (spec.kind) {
    case "exact":
      return { ok: deepEqual(expected, actual) };
    case "unordered":
      return { ok: unorderedEqual(expected, actual) };
    case "float":
      return { ok: floatEqual(expected, actual, spec.absTol ?? 1e-6, spec.relTol ?? 0) };
    case "custom": {
      if (!custom) throw new Error("problem declares a custom checker but none was loaded");
      const r = custom(structuredClone(args), structuredClone(expected), structuredClone(actual));
      if (!r || typeof r.ok !== "boolean") throw new Error("checker.ts check() must return { ok: boolean, message?: string }");
      return r.message === undefined ? { ok: r.ok } : { ok: r.ok, message: String(r.message) };
    }
  }
}

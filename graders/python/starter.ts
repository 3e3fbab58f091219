/**
 * Python starter code for a coding problem: the entry function in
 * snake_case with type hints and a docstring built from the signature.
 *
 * Type mapping from the signature language (graders/coding/types-parser.ts):
 *   string → str, boolean → bool, null → None, T[] → list[T],
 *   [A, B] → tuple[A, B], Record<string, T> → dict[str, T],
 *   { a: T } → dict[str, Any] (fields listed in the docstring), A | null → A | None.
 *   number → int or float. The signature cannot tell them apart, so when
 *   sample values (the visible examples) are given, a number position is
 *   `float` if any sample holds a non-integer there, else `int`; without
 *   samples it is `int` (interview inputs are mostly counts, ids and
 *   timestamps, and an int-annotated value that turns out fractional is a
 *   hint problem, not a grading one: annotations are never enforced).
 */
import type { CodingProblemMeta } from "../coding/types.ts";
import { parseType, type TypeNode } from "../coding/types-parser.ts";
import { pythonEntryName } from "./names.ts";

const KEYWORDS = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case type".split(" "),
);

export interface StarterSample {
  args: readonly unknown[];
  expected?: unknown;
}

/** A parameter or field name as a Python identifier (snake_case, keywords get a trailing underscore). */
export function pythonParamName(name: string): string {
  const snake = pythonEntryName(name);
  return KEYWORDS.has(snake) ? `${snake}_` : snake;
}

export function pythonStarter(meta: Pick<CodingProblemMeta, "entry" | "params" | "returns">, samples: readonly StarterSample[] = []): string {
  const fractional = new Set<TypeNode>();
  const params = meta.params.map((p, i) => {
    const node = parseType(p.type);
    for (const s of samples) markFractional(node, s.args[i], fractional);
    return { name: pythonParamName(p.name), node };
  });
  const returns = parseType(meta.returns);
  for (const s of samples) if ("expected" in s) markFractional(returns, s.expected, fractional);

  const hint = (n: TypeNode): string => pyType(n, fractional);
  const usesAny = [...params.map((p) => p.node), returns].some(hasObject);
  const signature = `def ${pythonEntryName(meta.entry)}(${params.map((p) => `${p.name}: ${hint(p.node)}`).join(", ")}) -> ${hint(returns)}:`;
  const doc = [
    '    """',
    ...(params.length ? ["    Args:", ...params.map((p) => `        ${p.name}: ${describe(p.node, fractional)}`)] : []),
    "",
    "    Returns:",
    `        ${describe(returns, fractional)}`,
    '    """',
  ];
  return [...(usesAny ? ["from typing import Any", "", ""] : []), signature, ...doc, "    # Write your solution here.", "    pass", ""].join("\n");
}

function markFractional(node: TypeNode, value: unknown, out: Set<TypeNode>): void {
  switch (node.kind) {
    case "number":
      if (typeof value === "number" && !Number.isInteger(value)) out.add(node);
      return;
    case "array":
      if (Array.isArray(value)) for (const v of value) markFractional(node.element, v, out);
      return;
    case "tuple":
      if (Array.isArray(value)) node.elements.forEach((el, i) => markFractional(el, value[i], out));
      return;
    case "record":
      if (isRecord(value)) for (const v of Object.values(value)) markFractional(node.value, v, out);
      return;
    case "object":
      if (isRecord(value)) for (const f of node.fields) markFractional(f.type, value[f.name], out);
      return;
    case "union":
      for (const o of node.options) markFractional(o, value, out);
      return;
    default:
      return;
  }
}

function pyType(node: TypeNode, fractional: ReadonlySet<TypeNode>): string {
  switch (node.kind) {
    case "number":
      return fractional.has(node) ? "float" : "int";
    case "string":
      return "str";
    case "boolean":
      return "bool";
    case "null":
      return "None";
    case "array":
      return `list[${pyType(node.element, fractional)}]`;
    case "tuple":
      return `tuple[${node.elements.map((e) => pyType(e, fractional)).join(", ")}]`;
    case "record":
      return `dict[str, ${pyType(node.value, fractional)}]`;
    case "object":
      return "dict[str, Any]";
    case "union": {
      // Put None last, as Python code usually spells it (`str | None`).
      const sorted = [...node.options.filter((o) => o.kind !== "null"), ...node.options.filter((o) => o.kind === "null")];
      return sorted.map((o) => pyType(o, fractional)).join(" | ");
    }
  }
}

/** Like pyType, but objects spelled out with their fields (for the docstring). */
function describe(node: TypeNode, fractional: ReadonlySet<TypeNode>): string {
  switch (node.kind) {
    case "object":
      return `dict with keys {${node.fields.map((f) => `"${f.name}": ${describe(f.type, fractional)}`).join(", ")}}`;
    case "array":
      return hasObject(node) ? `list of ${describe(node.element, fractional)}` : pyType(node, fractional);
    case "record":
      return hasObject(node) ? `dict[str, ${describe(node.value, fractional)}]` : pyType(node, fractional);
    case "union":
      return hasObject(node) ? node.options.map((o) => describe(o, fractional)).join(", or ").replace(/, or None$/, ", or None") : pyType(node, fractional);
    default:
      return pyType(node, fractional);
  }
}

function hasObject(node: TypeNode): boolean {
  switch (node.kind) {
    case "object":
      return true;
    case "array":
      return hasObject(node.element);
    case "tuple":
      return node.elements.some(hasObject);
    case "record":
      return hasObject(node.value);
    case "union":
      return node.options.some(hasObject);
    default:
      return false;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

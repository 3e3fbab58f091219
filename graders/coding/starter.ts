/**
 * Starter code shown in the editor: the entry function with the problem's
 * signature (JSDoc types for JavaScript, annotations for TypeScript, type
 * hints and a docstring for Python) and an empty body. The visible examples,
 * when given, let Python tell `int` from `float` positions.
 */
import { pythonStarter } from "../python/starter.ts";
import type { CodingProblemMeta, Lang, TestCase } from "./types.ts";
import { formatType, parseType } from "./types-parser.ts";

export function starterCode(meta: Pick<CodingProblemMeta, "entry" | "params" | "returns">, lang: Lang, examples: readonly TestCase[] = []): string {
  if (lang === "py") return pythonStarter(meta, examples);
  const params = meta.params.map((p) => ({ name: p.name, type: formatType(parseType(p.type)) }));
  const returns = formatType(parseType(meta.returns));
  const body = "  // Write your solution here.\n";
  if (lang === "ts") {
    const list = params.map((p) => `${p.name}: ${p.type}`).join(", ");
    return `export function ${meta.entry}(${list}): ${returns} {\n${body}}\n`;
  }
  const doc = [
    "/**",
    ...params.map((p) => ` * @param {${p.type}} ${p.name}`),
    ` * @returns {${returns}}`,
    " */",
  ].join("\n");
  return `${doc}\nfunction ${meta.entry}(${params.map((p) => p.name).join(", ")}) {\n${body}}\n`;
}

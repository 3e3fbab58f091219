/**
 * Candidate source → an ES module for the isolate, with esbuild (TypeScript
 * types stripped, JavaScript only parsed). One line is appended that
 * re-exports the entry function under a fixed name, so `function f`,
 * `export function f` and `export const f = …` all work; esbuild reports an
 * undeclared entry at compile time. Errors carry line and column (1-based) in
 * the candidate's own source.
 */
import { transform, type Message } from "esbuild";
import type { GradeError, Lang } from "../coding/types.ts";

/** The languages this compiler handles; Python runs in graders/python. */
export type JsLang = Exclude<Lang, "py">;

/** Name under which the compiled module exports the candidate's entry function. */
export const ENTRY_EXPORT = "__prodloop_entry__";

export interface CompiledSolution {
  /** ES module source for the isolate. */
  code: string;
  /** Source map (JSON) from `code` back to the candidate's source. */
  map: string;
  /** File name used in stack frames: solution.js or solution.ts. */
  filename: string;
}

export type CompileOutcome = { ok: true; compiled: CompiledSolution } | { ok: false; error: GradeError };

const cache = new Map<string, CompileOutcome>();
const CACHE_ENTRIES = 256;

export function solutionFilename(lang: JsLang): string {
  return lang === "ts" ? "solution.ts" : "solution.js";
}

export async function compileSolution(source: string, lang: JsLang, entry: string): Promise<CompileOutcome> {
  const key = `${lang}\0${entry}\0${source}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const outcome = await compileUncached(source, lang, entry);
  cache.set(key, outcome);
  if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
  return outcome;
}

async function compileUncached(source: string, lang: JsLang, entry: string): Promise<CompileOutcome> {
  const filename = solutionFilename(lang);
  const sourceLines = source.split("\n").length;
  try {
    const r = await transform(`${source}\n;export { ${entry} as ${ENTRY_EXPORT} };\n`, {
      loader: lang,
      format: "esm",
      target: "esnext",
      sourcemap: "external",
      sourcefile: filename,
      logLevel: "silent",
    });
    return { ok: true, compiled: { code: r.code, map: r.map, filename } };
  } catch (e) {
    const errors = (e as { errors?: Message[] }).errors;
    const first = errors?.[0];
    if (!first) return { ok: false, error: { kind: "internal", message: `compiler failed: ${(e as Error).message}` } };
    return { ok: false, error: describeCompileError(first, entry, sourceLines, filename) };
  }
}

function describeCompileError(m: Message, entry: string, sourceLines: number, filename: string): GradeError {
  const loc = m.location;
  if (loc && loc.line > sourceLines && m.text.includes(`"${entry}" is not declared`)) {
    return {
      kind: "compile",
      message: `No top-level function named ${entry}: define \`function ${entry}(…)\` or \`const ${entry} = (…) => …\`.`,
    };
  }
  if (!loc) return { kind: "compile", message: m.text };
  // Errors past the candidate's last line (e.g. an unclosed comment) point at its end.
  const line = Math.min(loc.line, sourceLines);
  const column = loc.line > sourceLines ? 1 : loc.column + 1;
  return { kind: "compile", message: `${filename}:${line}:${column}: ${m.text}`, line, column };
}

/**
 * Pyodide's files, read once per process from the local `pyodide` package
 * (never the network), and the compiled WebAssembly modules.
 *
 * The wasm is compiled on the host because async WebAssembly.compile and
 * instantiate never settle inside an isolate (isolated-vm issue 308); a
 * compiled WebAssembly.Module crosses into isolates through ExternalCopy
 * without recompiling. One module per memory cap (see wasm-memory-cap.ts),
 * cached: problems use few distinct memory limits.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { capWasmMemory } from "./wasm-memory-cap.ts";

export interface PyodideFiles {
  /** pyodide.mjs as a classic script that sets globalThis.__prodloop_loader = { loadPyodide }. */
  loaderSource: string;
  /** pyodide.asm.mjs as a classic script that sets globalThis.__prodloop_glue = { default: createPyodideModule }. */
  glueSource: string;
  stdlibZip: Uint8Array;
  lockFile: string;
  wasm: Uint8Array;
  version: string;
}

let files: PyodideFiles | null = null;

export function pyodideDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve("pyodide/package.json"));
}

export function pyodideFiles(): PyodideFiles {
  if (files) return files;
  const dir = pyodideDir();
  const read = (name: string): Buffer => readFileSync(path.join(dir, name));
  const bytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  files = {
    loaderSource: asScript(read("pyodide.mjs").toString("utf8"), "export{dt as loadPyodide,U as version};", "globalThis.__prodloop_loader = { loadPyodide: dt, version: U };"),
    glueSource: asScript(
      read("pyodide.asm.mjs").toString("utf8").replaceAll("import.meta.url", JSON.stringify("file:///pyodide/pyodide.asm.mjs")),
      "export default _createPyodideModule;",
      "globalThis.__prodloop_glue = { default: _createPyodideModule };",
    ),
    stdlibZip: bytes(read("python_stdlib.zip")),
    lockFile: read("pyodide-lock.json").toString("utf8"),
    wasm: bytes(read("pyodide.asm.wasm")),
    version: (JSON.parse(read("package.json").toString("utf8")) as { version: string }).version,
  };
  return files;
}

/**
 * The two ES modules as classic scripts, because only scripts can use V8's
 * code cache in isolated-vm (saves ≈ 70 ms of parsing per isolate). Each is
 * wrapped in a strict function so their minified top-level names stay
 * private. The export statement must appear exactly once: a different
 * Pyodide build fails here loudly instead of booting half-patched.
 * (import.meta.url is only read in Pyodide's Node and browser paths.)
 */
function asScript(source: string, exportStatement: string, replacement: string): string {
  const at = source.indexOf(exportStatement);
  if (at < 0 || source.indexOf(exportStatement, at + 1) >= 0) throw new Error(`pyodide: expected one "${exportStatement}"`);
  return `(function () {"use strict";\n${source.slice(0, at)}${replacement}${source.slice(at + exportStatement.length)}\n})();\n`;
}

const modules = new Map<number, WebAssembly.Module>();

/** Pyodide's wasm compiled with its memory maximum set to `maxPages` (cached). */
export function pyodideWasmModule(maxPages: number): WebAssembly.Module {
  let m = modules.get(maxPages);
  if (!m) {
    // Lazy compilation (V8's default) keeps tier-up to optimised code; eager
    // compilation was measured 3× slower for Python loops. The first use of
    // each function is compiled on the calling isolate's thread, which is why
    // the pool warms each module up first (see warmup.ts).
    m = new WebAssembly.Module(capWasmMemory(pyodideFiles().wasm, maxPages));
    modules.set(maxPages, m);
  }
  return m;
}

/**
 * From a problem's memory limit to the two limits a Python isolate has.
 *
 * - WebAssembly linear memory (where every Python object lives): the
 *   restored interpreter's own memory plus `memoryMb` for the candidate, so
 *   the limit means the same headroom whatever the interpreter occupies.
 *   Enforced by the cap in the wasm binary (wasm-memory-cap.ts).
 * - isolated-vm's memoryLimit (V8 heap: Pyodide's JS side, the snapshot and
 *   stdlib copies made while booting, JS objects Python creates through the
 *   FFI): a fixed allowance for Pyodide plus `memoryMb`.
 */
import { WASM_PAGE_BYTES } from "./wasm-memory-cap.ts";

/** V8 heap Pyodide needs to boot from a snapshot (the 30 MB snapshot copy included), measured with margin. */
export const PYODIDE_HEAP_MB = 160;

const PAGES_PER_MB = (1024 * 1024) / WASM_PAGE_BYTES;
const MAX_PAGES = 65_536;

export function pythonMemorySizing(memoryMb: number, basePages: number): { maxPages: number; heapMb: number } {
  const mb = Math.max(1, Math.ceil(memoryMb));
  return {
    maxPages: Math.min(MAX_PAGES, basePages + mb * PAGES_PER_MB),
    heapMb: PYODIDE_HEAP_MB + mb,
  };
}

/**
 * The process's one Pyodide memory snapshot, made lazily the first time a
 * Python isolate is needed, in a throwaway isolate that never sees user code
 * (stdlib preloaded, harness defined, nothing else). Every submission's
 * interpreter is restored from it, so no state can flow between users.
 */
import { makeSnapshot } from "./boot.ts";
import { WASM_PAGE_BYTES } from "./wasm-memory-cap.ts";

export interface PythonSnapshot {
  bytes: Uint8Array;
  /** Linear memory the restored interpreter starts with, in wasm pages. */
  basePages: number;
}

/** The snapshot maker runs trusted code only: no cap beyond the binary's own, a roomy heap. */
const MAKER_HEAP_MB = 512;
const MAKER_MAX_PAGES = 65_536;

let pending: Promise<PythonSnapshot> | null = null;

export function pythonSnapshot(): Promise<PythonSnapshot> {
  pending ??= makeSnapshot(MAKER_MAX_PAGES, MAKER_HEAP_MB).then(
    (bytes) => ({ bytes, basePages: Math.ceil(bytes.length / WASM_PAGE_BYTES) }),
    (e: unknown) => {
      pending = null; // a failed attempt may be retried by the next caller
      throw e;
    },
  );
  return pending;
}

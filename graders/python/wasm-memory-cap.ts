/**
 * Rewrites the maximum of the memory a WebAssembly binary defines.
 *
 * Why: Pyodide's wasm exports its own memory (min 480 pages, max 65536 =
 * 4 GiB), and isolated-vm's memoryLimit does not count WebAssembly.Memory.
 * The engine enforces a declared maximum whatever code runs (wasm's own
 * memory.grow, or JS reaching the Memory object through pyodide.ffi), so
 * capping it in the binary is the one limit Python cannot get around: past it
 * malloc fails and CPython raises MemoryError.
 */

const MEMORY_SECTION = 5;
const PAGE = 65_536;

export const WASM_PAGE_BYTES = PAGE;

function readLeb(bytes: Uint8Array, at: number): { value: number; next: number } {
  let value = 0;
  let shift = 0;
  let p = at;
  for (;;) {
    const b = bytes[p++];
    if (b === undefined) throw new Error("truncated LEB128 in wasm binary");
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if ((b & 0x80) === 0) return { value, next: p };
  }
}

function leb(value: number): number[] {
  const out: number[] = [];
  let v = value;
  do {
    let b = v % 128;
    v = Math.floor(v / 128);
    if (v > 0) b |= 0x80;
    out.push(b);
  } while (v > 0);
  return out;
}

/** Returns a copy of `wasm` whose single defined memory has `maxPages` as its maximum. */
export function capWasmMemory(wasm: Uint8Array, maxPages: number): Uint8Array<ArrayBuffer> {
  if (!Number.isInteger(maxPages) || maxPages < 1 || maxPages > 65_536) throw new Error(`bad wasm page cap ${maxPages}`);
  let p = 8; // magic + version
  while (p < wasm.length) {
    const id = wasm[p] as number;
    const size = readLeb(wasm, p + 1);
    const start = size.next;
    const end = start + size.value;
    if (id === MEMORY_SECTION) {
      const count = readLeb(wasm, start);
      if (count.value !== 1) throw new Error(`expected one memory, found ${count.value}`);
      const flags = wasm[count.next] as number;
      // 0 = min only, 1 = min+max; shared (2) or memory64 (4) are not what Pyodide ships.
      if (flags > 1) throw new Error(`unsupported memory limits flags ${flags}`);
      const min = readLeb(wasm, count.next + 1);
      if (min.value > maxPages) throw new Error(`wasm memory minimum ${min.value} pages exceeds the cap ${maxPages}`);
      const body = [...leb(1), 0x01, ...leb(min.value), ...leb(maxPages)];
      const head = [MEMORY_SECTION, ...leb(body.length)];
      const out = new Uint8Array(p + head.length + body.length + (wasm.length - end));
      out.set(wasm.subarray(0, p), 0);
      out.set(head, p);
      out.set(body, p + head.length);
      out.set(wasm.subarray(end), p + head.length + body.length);
      return out;
    }
    p = end;
  }
  throw new Error("wasm binary defines no memory (imported memory is not supported)");
}

/** Reads the declared memory limits (for tests and diagnostics). */
export function wasmMemoryLimits(wasm: Uint8Array): { min: number; max: number | null } {
  let p = 8;
  while (p < wasm.length) {
    const id = wasm[p] as number;
    const size = readLeb(wasm, p + 1);
    if (id === MEMORY_SECTION) {
      const count = readLeb(wasm, size.next);
      const flags = wasm[count.next] as number;
      const min = readLeb(wasm, count.next + 1);
      const max = flags & 1 ? readLeb(wasm, min.next).value : null;
      return { min: min.value, max };
    }
    p = size.next + size.value;
  }
  throw new Error("wasm binary defines no memory");
}

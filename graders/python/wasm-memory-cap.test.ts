import { describe, expect, test } from "vitest";
import { pyodideFiles } from "./assets.ts";
import { capWasmMemory, wasmMemoryLimits } from "./wasm-memory-cap.ts";

// (module (memory (export "memory") 1 100))
const TINY = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 5, 4, 1, 1, 1, 100, 7, 10, 1, 6, 109, 101, 109, 111, 114, 121, 2, 0]);

describe("capWasmMemory", () => {
  test("the engine enforces the rewritten maximum", () => {
    const capped = capWasmMemory(TINY, 3);
    expect(wasmMemoryLimits(capped)).toEqual({ min: 1, max: 3 });
    const memory = new WebAssembly.Instance(new WebAssembly.Module(capped)).exports.memory as WebAssembly.Memory;
    memory.grow(2);
    expect(() => memory.grow(1)).toThrow(RangeError);
  });

  test("Pyodide's binary: 4 GiB maximum rewritten, module still valid", () => {
    const wasm = pyodideFiles().wasm;
    const before = wasmMemoryLimits(wasm);
    expect(before.max).toBe(65536);
    const capped = capWasmMemory(wasm, before.min + 1024);
    expect(wasmMemoryLimits(capped)).toEqual({ min: before.min, max: before.min + 1024 });
    expect(WebAssembly.validate(capped)).toBe(true);
  });

  test("a cap below the minimum is refused", () => {
    expect(() => capWasmMemory(TINY, 0)).toThrow();
    expect(() => capWasmMemory(capWasmMemory(TINY, 5), 5)).not.toThrow();
  });
});

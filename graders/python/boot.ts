/**
 * Creates one Python isolate: a fresh isolated-vm isolate with Pyodide loaded
 * from the local package, either cold (to make the snapshot) or restored from
 * the process's memory snapshot. Nothing of the host is placed inside: the
 * assets are copied in, the host keeps References only to the harness
 * functions, and the isolate holds no Reference back to the host.
 */
import ivm from "isolated-vm";
import { randomInt } from "node:crypto";
import { pyodideFiles, pyodideWasmModule } from "./assets.ts";
import { isolateBootSource } from "./isolate-boot-js.ts";
import { isolateEnvSource } from "./isolate-env.ts";

export interface PythonIsolate {
  isolate: ivm.Isolate;
  context: ivm.Context;
  load: ivm.Reference;
  run: ivm.Reference;
  maxPages: number;
}

export interface BootOptions {
  maxPages: number;
  /** isolated-vm memoryLimit (V8 heap: Pyodide's JS side plus copies crossing in). */
  heapMb: number;
  maxResultBytes: number;
}

/** V8 code cache per script, produced by the first isolate of the process (trusted: never from users). */
const codeCache = new Map<string, ivm.ExternalCopy<ArrayBuffer>>();

async function runCached(isolate: ivm.Isolate, context: ivm.Context, source: string, filename: string): Promise<void> {
  const cached = codeCache.get(filename);
  // isolated-vm's typings omit the cache fields it sets on the Script.
  const script = (await isolate.compileScript(source, cached ? { filename, cachedData: cached } : { filename, produceCachedData: true })) as ivm.Script &
    ivm.CachedDataResult & { cachedDataRejected?: boolean };
  if (!cached && script.cachedData) codeCache.set(filename, script.cachedData);
  if (cached && script.cachedDataRejected) codeCache.delete(filename);
  await script.run(context);
  script.release();
}

async function prepare(maxPages: number, heapMb: number): Promise<{ isolate: ivm.Isolate; context: ivm.Context }> {
  const files = pyodideFiles();
  const isolate = new ivm.Isolate({ memoryLimit: heapMb });
  try {
    const context = await isolate.createContext();
    await context.eval(isolateEnvSource(randomInt(1, 2 ** 31)), { filename: "prodloop-python-env.js" });
    // Assets: the stdlib zip and the compiled wasm module (shared, not recompiled).
    const setAssets = await context.eval(
      `(a) => { const f = globalThis.__prodloop_files; f.set("/pyodide/python_stdlib.zip", a.stdlib); f.set("/pyodide/pyodide.asm.wasm", new Uint8Array(0)); globalThis.__prodloop_setWasm(a.wasm); }`,
      { reference: true },
    ) as ivm.Reference;
    await setAssets.apply(undefined, [new ivm.ExternalCopy({ stdlib: files.stdlibZip, wasm: pyodideWasmModule(maxPages) }).copyInto({ release: true })]);
    setAssets.release();
    for (const [source, filename] of [
      [files.glueSource, "pyodide.asm.mjs"],
      [files.loaderSource, "pyodide.mjs"],
    ] as const) {
      await runCached(isolate, context, source, filename);
    }
    await context.eval(isolateBootSource(), { filename: "prodloop-python-boot.js" });
    return { isolate, context };
  } catch (e) {
    if (!isolate.isDisposed) isolate.dispose();
    throw e;
  }
}

/** Boots Pyodide cold, preloads the stdlib and the harness, and returns the memory snapshot. */
export async function makeSnapshot(maxPages: number, heapMb: number): Promise<Uint8Array> {
  const { isolate, context } = await prepare(maxPages, heapMb);
  try {
    const boot = (await context.global.get("__prodloop_boot", { reference: true })) as ivm.Reference;
    const snap = (await boot.apply(undefined, [new ivm.ExternalCopy({ make: true, lock: pyodideFiles().lockFile }).copyInto({ release: true })], {
      result: { promise: true, copy: true },
    })) as Uint8Array;
    return snap;
  } finally {
    isolate.dispose();
  }
}

/** A fresh isolate restored from `snapshot`, with the harness ready and the loader locked away. */
export async function bootFromSnapshot(snapshot: Uint8Array, o: BootOptions): Promise<PythonIsolate> {
  const { isolate, context } = await prepare(o.maxPages, o.heapMb);
  try {
    const boot = (await context.global.get("__prodloop_boot", { reference: true })) as ivm.Reference;
    const harness = (await boot.apply(
      undefined,
      [new ivm.ExternalCopy({ snapshot, lock: pyodideFiles().lockFile, maxResultBytes: o.maxResultBytes }).copyInto({ release: true })],
      { result: { promise: true, reference: true } },
    )) as ivm.Reference;
    boot.release();
    const load = (await harness.get("load", { reference: true })) as ivm.Reference;
    const run = (await harness.get("run", { reference: true })) as ivm.Reference;
    harness.release();
    return { isolate, context, load, run, maxPages: o.maxPages };
  } catch (e) {
    if (!isolate.isDisposed) isolate.dispose();
    throw e;
  }
}

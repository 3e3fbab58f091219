/**
 * Trusted JS run in a Python isolate after the environment (isolate-env.ts)
 * and Pyodide's two modules are in place. Defines one global function,
 * `__prodloop_boot(opts)`, which the host calls once and which deletes itself:
 *
 * - loads Pyodide in shell mode (assets already copied in, no network);
 * - when `opts.make` is set: imports the preloaded stdlib modules, defines the
 *   Python harness and returns a memory snapshot (made before any user code);
 * - otherwise restores `opts.snapshot`, then builds the call harness below,
 *   removes the loader's helpers and WebAssembly constructors (nothing may
 *   create wasm memory the binary's cap does not cover), and returns the
 *   harness object, whose functions the host keeps as References.
 *
 * Harness (values cross only as JSON text):
 *   load(source, entry, outputBytes) -> '{"out":…,"mem":n,"r":<python envelope>}'
 *                       (mem: linear memory grown since boot, bytes)
 *                       (outputBytes: the submission's print budget, all tests together)
 *   run(argsJson)       -> same shape; "r" is {"k":"output"} past the output
 *                          limit, {"k":"result"} past the result size limit,
 *                          {"k":"fatal","message"} if the interpreter died.
 */
import { HARNESS_MODULE, HARNESS_PY, PRELOADED_MODULES } from "./harness-py.ts";

export function isolateBootSource(): string {
  const makeSetup = [
    `import ${PRELOADED_MODULES.join(", ")}`,
    "import sys as _s, types as _t",
    `_m = _t.ModuleType(${JSON.stringify(HARNESS_MODULE)})`,
    `exec(${JSON.stringify(HARNESS_PY)}, _m.__dict__)`,
    `_s.modules[${JSON.stringify(HARNESS_MODULE)}] = _m`,
    "del _s, _t, _m",
  ].join("\n");
  return `"use strict";
(() => {
  const G = globalThis;
  G.__prodloop_boot = async (opts) => {
    delete G.__prodloop_boot;
    const loadPyodide = G.__prodloop_loader.loadPyodide;
    const createPyodideModule = G.__prodloop_glue.default;
    const py = await loadPyodide({
      indexURL: "/pyodide/",
      stdLibURL: "/pyodide/python_stdlib.zip",
      lockFileContents: opts.lock,
      packageBaseUrl: "/pyodide/",
      createPyodideModule,
      env: { HOME: "/home/pyodide" },
      _makeSnapshot: !!opts.make,
      _loadSnapshot: opts.snapshot || undefined,
    });
    if (opts.make) {
      py.runPython(${JSON.stringify(makeSetup)});
      return py.makeMemorySnapshot();
    }
    // Drop every reference to the 30 MB snapshot copy: it counts against the heap limit.
    py._api.config._loadSnapshot = undefined;
    const maxResultBytes = opts.maxResultBytes;
    opts = null;
    return install(py, maxResultBytes);
  };

  function install(py, maxResultBytes) {
    const MAX_RESULT = maxResultBytes;
    let OUTPUT_BYTES = 0;
    const stringify = JSON.stringify, TD = G.TextDecoder, U8 = Uint8Array;
    const mod = py.pyimport(${JSON.stringify(HARNESS_MODULE)});
    const pyLoad = mod.load, pyCall = mod.call;
    const memory = py._module.wasmMemory || py._module.memory;
    const byteLengthOf = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "byteLength").get;
    const bufferOf = Object.getOwnPropertyDescriptor(WebAssembly.Memory.prototype, "buffer").get;
    const apply = Reflect.apply;
    const memBytes = () => { try { return apply(byteLengthOf, apply(bufferOf, memory, []), []); } catch { return 0; } };
    // Reported as growth above the restored interpreter: what the candidate's code added.
    const baseMem = memBytes();

    let chunks = [], outBytes = 0, overflow = false, dead = null;
    const sink = {
      write(buf) {
        const n = buf.length;
        if (overflow || outBytes + n > OUTPUT_BYTES) { overflow = true; throw new Error("output limit exceeded"); }
        outBytes += n;
        chunks.push(new U8(buf));
        return n;
      },
      isatty: false,
    };
    py.setStdout(sink);
    py.setStderr(sink);
    // stdin is empty, as for a piped run with no input: input() raises EOFError.
    py.setStdin({ read: () => 0, isatty: false });

    const takeOut = () => {
      const text = joinOut();
      if (!dead) return text;
      const cut = text.indexOf("Stack (most recent call first):");
      return cut < 0 ? text : text.slice(0, cut);
    };
    const joinOut = () => {
      let total = 0;
      for (const c of chunks) total += c.length;
      const all = new U8(total);
      let at = 0;
      for (const c of chunks) { all.set(c, at); at += c.length; }
      chunks = [];
      return new TD("utf-8").decode(all);
    };
    const envelope = (r) => '{"out":' + stringify(takeOut()) + ',"mem":' + Math.max(0, memBytes() - baseMem) + ',"r":' + r + "}";
    const guarded = (fn, args) => {
      if (dead) return envelope(stringify({ k: "fatal", message: dead }));
      let r;
      try {
        r = apply(fn, undefined, args);
      } catch (e) {
        dead = String((e && e.message) || e);
        // Pyodide's fatal-error handler dumps the whole Python stack to stderr first; keep what came before it.
        return envelope(stringify({ k: "fatal", message: dead }));
      }
      if (overflow) return envelope('{"k":"output"}');
      if (typeof r !== "string") return envelope('{"k":"fatal","message":"harness returned no text"}');
      if (r.length > MAX_RESULT) return envelope('{"k":"result"}');
      return envelope(r);
    };
    const harness = {
      load: (source, entry, outputBytes) => { OUTPUT_BYTES = outputBytes; return guarded(pyLoad, [source, entry]); },
      run: (argsJson) => guarded(pyCall, [argsJson]),
    };

    // Lock down: no loader helpers, and no way to make new wasm memory or
    // modules (the only linear memory is Pyodide's, capped in its binary).
    for (const k of ["read", "readbuffer", "load", "__prodloop_files", "__prodloop_setWasm", "__prodloop_loader", "__prodloop_glue", "__prodloop_logs"]) delete G[k];
    const W = WebAssembly;
    for (const k of ["Memory", "Module", "Instance", "Table", "Global", "Tag", "Exception", "Function"]) {
      const C = W[k];
      if (C && C.prototype) { try { delete C.prototype.constructor; } catch {} }
    }
    for (const k of ["WebAssembly", "SharedArrayBuffer", "Atomics"]) delete G[k];
    // No code from strings: Python never needs it, and a tight loop written in
    // JS is how an isolate can run away from isolated-vm's memory limit (seen:
    // a disposed isolate kept allocating \`new Array(1000)\` in a JS loop, while
    // the same allocations driven from Python stopped at memory_limit).
    // \`Function\` keeps its prototype so \`instanceof Function\` still works.
    delete G.eval;
    const noCodegen = function () { throw new EvalError("code generation from strings is disabled in the sandbox"); };
    noCodegen.prototype = Function.prototype;
    const fnProtos = [Function.prototype, Object.getPrototypeOf(async function () {}), Object.getPrototypeOf(function* () {}), Object.getPrototypeOf(async function* () {})];
    for (const proto of fnProtos) Object.defineProperty(proto, "constructor", { value: noCodegen, writable: false, enumerable: false, configurable: false });
    Object.defineProperty(G, "Function", { value: noCodegen, writable: false, enumerable: false, configurable: false });
    return harness;
  }
})();
`;
}

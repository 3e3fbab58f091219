/**
 * The trusted script run in every fresh context before candidate code.
 *
 * - Removes WebAssembly, SharedArrayBuffer and Atomics (wasm memory is not
 *   counted by the isolate's memory limit; shared memory enables Atomics.wait).
 * - Installs a capturing `console` (log/info/warn/error/debug) that counts
 *   UTF-8 bytes against the submission's output limit.
 * - Captures pristine JSON, Reflect.apply, Object.keys, … in a closure before
 *   candidate code runs, so patched built-ins cannot change how arguments are
 *   decoded or results encoded.
 * - Evaluates to a harness object that stays in this closure (never on the
 *   global object); the host holds References to its functions:
 *     install(namespace)  remember the candidate module's entry export
 *     run(argsJson)       call the entry, returns an outcome envelope (JSON
 *                         text) or "P" when it returned a pending thenable
 *     collect()           envelope of a settled thenable, or "N" if none yet
 *
 * Envelope: {"k":"ok","out":stdout,"v":<value JSON>} | {"k":"ok","out":…,"u":1}
 * (undefined) | {"k":"error","out":…,"name","message","stack"} |
 * {"k":"limit","out":…,"why":"output"|"result"|"memory"}.
 */
import { ENTRY_EXPORT } from "./compile.ts";

export interface PreludeOptions {
  entry: string;
  outputBytes: number;
  maxResultBytes: number;
}

export function preludeSource(o: PreludeOptions): string {
  return `"use strict";
(() => {
  const G = globalThis;
  const OUTPUT_BYTES = ${JSON.stringify(o.outputBytes)};
  const MAX_RESULT = ${JSON.stringify(o.maxResultBytes)};
  const ENTRY_EXPORT = ${JSON.stringify(ENTRY_EXPORT)};
  const ENTRY_NAME = ${JSON.stringify(o.entry)};
  const stringify = JSON.stringify, parse = JSON.parse;
  const apply = Reflect.apply, keys = Object.keys, isArray = Array.isArray, freeze = Object.freeze;
  const charCodeAt = String.prototype.charCodeAt, strSlice = String.prototype.slice;
  const PromiseCtor = Promise, promiseResolve = Promise.resolve, promiseThen = Promise.prototype.then;
  const TypeErr = TypeError, RangeErr = RangeError;
  const TOO_BIG = {};

  for (const name of ["WebAssembly", "SharedArrayBuffer", "Atomics"]) delete G[name];

  let outBytes = 0, overflow = false, out = "";

  const utf8Length = (s) => {
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      const c = apply(charCodeAt, s, [i]);
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
    }
    return n;
  };
  const show = (v) => {
    const t = typeof v;
    if (t === "string") return v;
    if (v === null || t === "number" || t === "boolean" || t === "undefined" || t === "bigint") return "" + v;
    if (t === "symbol") return "Symbol()";
    if (t === "function") return "[Function]";
    try {
      const s = stringify(v);
      return typeof s === "string" ? s : "[object]";
    } catch {
      return "[object]";
    }
  };
  const write = (args) => {
    if (overflow) throw new RangeErr("Output limit exceeded");
    let line = "";
    for (let i = 0; i < args.length; i++) line += (i ? " " : "") + show(args[i]);
    line += "\\n";
    const bytes = line.length > OUTPUT_BYTES ? OUTPUT_BYTES + 1 : utf8Length(line);
    if (outBytes + bytes > OUTPUT_BYTES) {
      overflow = true;
      throw new RangeErr("Output limit exceeded");
    }
    outBytes += bytes;
    out += line;
  };
  const consoleObject = {};
  for (const level of ["log", "info", "warn", "error", "debug"]) {
    consoleObject[level] = (...args) => write(args);
  }
  Object.defineProperty(G, "console", { value: freeze(consoleObject), writable: true, configurable: true, enumerable: false });

  // The result's JSON is gathered in two buffers made here, before candidate
  // code runs, so every slot is an own data property: writing one never
  // reaches a setter the candidate might define on Array.prototype. Pieces
  // are joined every CHUNK emits, so a large result costs about its own size
  // in the heap (not a cons-string node per piece).
  const join = Array.prototype.join, fill = Array.prototype.fill;
  const CHUNK = 4096;
  const parts = apply(fill, new Array(CHUNK), [""]);
  const chunks = apply(fill, new Array(Math.floor(MAX_RESULT / CHUNK) + 2), [""]);
  const NUMS = 1024;
  const nums = apply(fill, new Array(NUMS), [0]);
  let size = 0, np = 0, nc = 0;
  const clear = (buf, n) => {
    for (let i = 0; i < n; i++) buf[i] = "";
  };
  // The first n slots as one string. join() walks every slot of the buffer,
  // used or not (thousands per call, most of the harness's cost per test for
  // a small result), so a few pieces are concatenated instead.
  const joinFirst = (buf, n) => {
    if (n > 256) return apply(join, buf, [""]);
    let s = "";
    for (let i = 0; i < n; i++) s += buf[i];
    return s;
  };
  const flush = () => {
    if (np === 0) return;
    if (nc === chunks.length) throw TOO_BIG;
    chunks[nc++] = joinFirst(parts, np);
    clear(parts, np);
    np = 0;
  };
  const resetResult = () => {
    clear(parts, np);
    clear(chunks, nc);
    size = np = nc = 0;
  };
  const emit = (s) => {
    size += s.length;
    if (size > MAX_RESULT) throw TOO_BIG;
    parts[np++] = s;
    if (np === CHUNK) flush();
  };
  // JSON.stringify semantics (toJSON honoured, undefined/functions/symbols
  // dropped from objects and null in arrays), with a size budget so an
  // enormous value stops early.
  const prep = (v, key) => {
    if (v !== null && (typeof v === "object" || typeof v === "bigint")) {
      const toJSON = v.toJSON;
      if (typeof toJSON === "function") v = apply(toJSON, v, ["" + key]);
    }
    return v;
  };
  // JSON text of a number is its ToString when finite, else null.
  const num = (v) => (v - v === 0 ? "" + v : "null");
  const skipped = (v) => v === undefined || typeof v === "function" || typeof v === "symbol";
  // v is prepped and not skipped.
  const ser = (v, depth) => {
    if (depth > 2000) throw new RangeErr("return value is nested too deeply (or cyclic)");
    switch (typeof v) {
      case "number": emit(num(v)); return;
      case "string": emit(stringify(v)); return;
      case "boolean": emit(v ? "true" : "false"); return;
      case "bigint": throw new TypeErr("a BigInt is not JSON-serializable");
    }
    if (v === null) { emit("null"); return; }
    if (isArray(v)) {
      emit("[");
      const n = v.length;
      let i = 0, written = 0, x, held = false;
      while (held || i < n) {
        if (held) held = false;
        else x = v[i++];
        if (typeof x === "number") {
          // A run of numbers is written NUMS at a time by the native JSON.stringify
          // (much faster than one number at a time). Each element is read once.
          let k = 0;
          nums[k++] = x;
          while (k < NUMS && i < n) {
            x = v[i++];
            if (typeof x === "number") nums[k++] = x;
            else { held = true; break; }
          }
          if (k === NUMS) emit((written ? "," : "") + apply(strSlice, stringify(nums), [1, -1]));
          else for (let m = 0; m < k; m++) emit((written + m ? "," : "") + num(nums[m]));
          written += k;
          continue;
        }
        if (written++) emit(",");
        const y = prep(x, i - 1);
        if (skipped(y)) emit("null");
        else ser(y, depth + 1);
      }
      emit("]");
      return;
    }
    emit("{");
    const ks = keys(v);
    let first = true;
    for (let i = 0; i < ks.length; i++) {
      const k = ks[i];
      const x = prep(v[k], k);
      if (skipped(x)) continue;
      emit((first ? "" : ",") + stringify(k) + ":");
      first = false;
      ser(x, depth + 1);
    }
    emit("}");
  };

  const text = (read) => {
    try {
      const v = read();
      return typeof v === "string" ? v : v === undefined ? "" : show(v);
    } catch {
      return "";
    }
  };
  const outField = () => ',"out":' + stringify(out);
  const limit = (why) => '{"k":"limit","why":"' + why + '"' + outField() + "}";
  const envelopeOk = (value) => {
    if (overflow) return limit("output");
    let v;
    try {
      resetResult();
      const x = prep(value, "");
      if (skipped(x)) return '{"k":"ok","u":1' + outField() + "}";
      ser(x, 0);
      flush();
      v = joinFirst(chunks, nc);
    } catch (e) {
      if (e === TOO_BIG) return limit("result");
      return envelopeError(e);
    } finally {
      resetResult();
    }
    return '{"k":"ok","v":' + v + outField() + "}";
  };
  const envelopeError = (e) => {
    if (overflow) return limit("output");
    const isObj = e !== null && (typeof e === "object" || typeof e === "function");
    // A thrown primitive, or an object with neither name nor message, is shown as a value.
    const rawName = isObj ? text(() => e.name) : "";
    const rawMessage = isObj ? text(() => e.message) : "";
    const asValue = rawName === "" && rawMessage === "";
    const name = asValue ? "Uncaught" : rawName;
    const message = asValue ? text(() => show(e)) : rawMessage;
    if (name === "RangeError" && (message === "Array buffer allocation failed" || message === "Invalid string length")) {
      return limit("memory");
    }
    const stack = isObj ? apply(strSlice, text(() => e.stack), [0, 8192]) : "";
    return '{"k":"error","name":' + stringify(apply(strSlice, name, [0, 200])) + ',"message":' + stringify(apply(strSlice, message, [0, 2000])) +
      ',"stack":' + stringify(stack) + outField() + "}";
  };

  let entry;
  let settled = null;
  const harness = {
    install(ns) {
      entry = ns[ENTRY_EXPORT];
    },
    run(argsJson) {
      out = "";
      settled = null;
      let ret;
      try {
        if (typeof entry !== "function") throw new TypeErr(ENTRY_NAME + " is not a function");
        ret = apply(entry, undefined, parse(argsJson));
        if (ret === null || (typeof ret !== "object" && typeof ret !== "function") || typeof ret.then !== "function") {
          return envelopeOk(ret);
        }
        const p = apply(promiseResolve, PromiseCtor, [ret]);
        apply(promiseThen, p, [
          (v) => { settled = envelopeOk(v); },
          (e) => { settled = envelopeError(e); },
        ]);
        return "P";
      } catch (e) {
        return envelopeError(e);
      }
    },
    collect() {
      return settled === null ? "N" : settled;
    },
  };
  return freeze(harness);
})();
`;
}

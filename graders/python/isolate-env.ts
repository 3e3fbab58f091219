/**
 * The trusted script run first in every Python isolate: the few web APIs
 * Pyodide's loader needs in shell mode, which a bare V8 context lacks.
 *
 * - `read`/`load`/`readbuffer` make Pyodide pick its shell mode (no Node
 *   modules, no fetch). `readbuffer` serves only the two files the loader asks
 *   for, from bytes the host copied in; there is no file system behind it.
 * - TextEncoder/TextDecoder (utf-8, utf-16le, latin1), console (kept in a
 *   buffer for boot diagnostics), performance.now, timers that never fire
 *   (nothing a graded call does may wait on a timer; a pending promise is the
 *   wall limit's business), crypto.getRandomValues from a PRNG seeded by the
 *   host (enough for hash seeds and `random`; nothing here is a secret).
 * - WebAssembly.instantiate/compile answered synchronously, because the async
 *   ones never settle inside an isolate: the loader's request for
 *   pyodide.asm.wasm is answered with the host-compiled Module handed in.
 */
export function isolateEnvSource(seed: number): string {
  return `"use strict";
(() => {
  const G = globalThis;
  let state = ${JSON.stringify(seed >>> 0)} || 0x9e3779b9;
  const next = () => { state ^= state << 13; state >>>= 0; state ^= state >>> 17; state ^= state << 5; state >>>= 0; return state; };

  const logs = [];
  const log = (...a) => { if (logs.length < 200) logs.push(a.map(String).join(" ")); };
  G.console = { log, info: log, warn: log, error: log, debug: log, trace: log };
  G.__prodloop_logs = logs;

  G.performance = { now: () => Date.now(), timeOrigin: Date.now() };
  let timerId = 0;
  G.setTimeout = () => ++timerId;
  G.clearTimeout = () => {};
  G.setInterval = () => ++timerId;
  G.clearInterval = () => {};
  G.crypto = {
    getRandomValues(view) {
      const b = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
      for (let i = 0; i < b.length; i++) b[i] = next() & 0xff;
      return view;
    },
  };

  // Emscripten's shell-mode randomFill runs d8's os.system("sh", ["-c", "head -cN /dev/urandom | base64 --wrap=0"]);
  // answer exactly that request from the PRNG, nothing else (no process is ever started).
  const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  G.os = Object.freeze({
    system(cmd, args) {
      const a = String(args && args[1]), tail = " /dev/urandom | base64 --wrap=0";
      const n = Number(a.slice(7, a.length - tail.length));
      if (cmd !== "sh" || !a.startsWith("head -c") || !a.endsWith(tail) || !Number.isInteger(n) || n < 0 || n > 65536) throw new Error("os.system is not available");
      const bytes = new Uint8Array(n);
      G.crypto.getRandomValues(bytes);
      let s = "";
      for (let i = 0; i < n; i += 3) {
        const a = bytes[i], b = i + 1 < n ? bytes[i + 1] : 0, c = i + 2 < n ? bytes[i + 2] : 0;
        s += B64[a >> 2] + B64[((a & 3) << 4) | (b >> 4)] + (i + 1 < n ? B64[((b & 15) << 2) | (c >> 6)] : "=") + (i + 2 < n ? B64[c & 63] : "=");
      }
      return s;
    },
  });

  const fromCodes = (codes) => {
    let s = "";
    for (let i = 0; i < codes.length; i += 8192) s += String.fromCharCode.apply(null, codes.slice(i, i + 8192));
    return s;
  };
  class TextDecoder {
    constructor(label = "utf-8", options = {}) {
      const l = String(label).toLowerCase();
      this.encoding = l === "utf8" || l === "utf-8" ? "utf-8" : l === "utf-16le" ? "utf-16le" : l === "latin1" || l === "ascii" || l === "iso-8859-1" ? "latin1" : null;
      if (!this.encoding) throw new RangeError("The encoding label provided ('" + label + "') is invalid.");
      this.fatal = !!options.fatal;
      this.ignoreBOM = !!options.ignoreBOM;
    }
    decode(input) {
      if (input === undefined) return "";
      const b = ArrayBuffer.isView(input) ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength) : new Uint8Array(input);
      if (this.encoding === "latin1") return fromCodes(Array.from(b));
      if (this.encoding === "utf-16le") {
        const codes = new Array(b.length >> 1);
        for (let i = 0; i < codes.length; i++) codes[i] = b[2 * i] | (b[2 * i + 1] << 8);
        return fromCodes(codes);
      }
      // ASCII runs (most of what Python prints and returns) are converted a chunk at a time.
      const parts = [];
      let codes = [];
      const flush = () => { if (codes.length) { parts.push(fromCodes(codes)); codes = []; } };
      let i = 0;
      if (!this.ignoreBOM && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) i = 3;
      const bad = () => { if (this.fatal) throw new TypeError("The encoded data was not valid for encoding utf-8"); codes.push(0xfffd); };
      while (i < b.length) {
        const c = b[i];
        if (c < 0x80) {
          let j = i + 1;
          const end = Math.min(b.length, i + 8192);
          while (j < end && b[j] < 0x80) j++;
          flush();
          parts.push(String.fromCharCode.apply(null, b.subarray(i, j)));
          i = j;
          continue;
        }
        let n = 0, cp = 0, min = 0;
        if (c >= 0xc2 && c < 0xe0) { n = 1; cp = c & 0x1f; min = 0x80; }
        else if (c >= 0xe0 && c < 0xf0) { n = 2; cp = c & 0x0f; min = 0x800; }
        else if (c >= 0xf0 && c < 0xf5) { n = 3; cp = c & 0x07; min = 0x10000; }
        else { bad(); i++; continue; }
        let j = 1;
        for (; j <= n; j++) {
          const d = b[i + j];
          if (d === undefined || (d & 0xc0) !== 0x80) break;
          cp = (cp << 6) | (d & 0x3f);
        }
        if (j <= n || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000)) { bad(); i += j; continue; }
        i += n + 1;
        if (cp >= 0x10000) { cp -= 0x10000; codes.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff)); }
        else codes.push(cp);
        if (codes.length >= 8192) flush();
      }
      flush();
      return parts.join("");
    }
  }
  class TextEncoder {
    get encoding() { return "utf-8"; }
    encodeInto(s, dest) {
      let w = 0, r = 0;
      for (; r < s.length; r++) {
        let c = s.charCodeAt(r);
        if (c >= 0xd800 && c < 0xdc00 && r + 1 < s.length) {
          const d = s.charCodeAt(r + 1);
          if (d >= 0xdc00 && d < 0xe000) c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        }
        if (c >= 0xd800 && c < 0xe000) c = 0xfffd;
        const need = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        if (w + need > dest.length) break;
        if (need === 1) dest[w++] = c;
        else if (need === 2) { dest[w++] = 0xc0 | (c >> 6); dest[w++] = 0x80 | (c & 63); }
        else if (need === 3) { dest[w++] = 0xe0 | (c >> 12); dest[w++] = 0x80 | ((c >> 6) & 63); dest[w++] = 0x80 | (c & 63); }
        else { dest[w++] = 0xf0 | (c >> 18); dest[w++] = 0x80 | ((c >> 12) & 63); dest[w++] = 0x80 | ((c >> 6) & 63); dest[w++] = 0x80 | (c & 63); r++; }
      }
      return { read: r, written: w };
    }
    encode(s = "") {
      s = String(s);
      const buf = new Uint8Array(s.length * 3);
      const { written } = this.encodeInto(s, buf);
      return buf.slice(0, written);
    }
  }
  G.TextDecoder = TextDecoder;
  G.TextEncoder = TextEncoder;

  // Shell mode: Pyodide checks for read and load; readbuffer serves the files the host copied in.
  const files = new Map();
  G.__prodloop_files = files;
  G.read = (p) => { const f = files.get(p); if (typeof f !== "string") throw new Error("no such file: " + p); return f; };
  G.readbuffer = (p) => { const f = files.get(p); if (!(f instanceof Uint8Array)) throw new Error("no such file: " + p); return f.buffer.byteLength === f.byteLength ? f.buffer : f.slice().buffer; };
  G.load = () => { throw new Error("load() is not available"); };

  const W = WebAssembly, Instance = W.Instance, Module = W.Module;
  let hostModule = null;
  G.__prodloop_setWasm = (m) => { hostModule = m; };
  W.instantiate = (source, imports) => {
    if (source instanceof Module) return Promise.resolve(new Instance(source, imports));
    // The loader's request for pyodide.asm.wasm (answered with an empty buffer by readbuffer).
    const module = source && source.byteLength === 0 && hostModule ? hostModule : new Module(source);
    return Promise.resolve({ module, instance: new Instance(module, imports) });
  };
  W.compile = (bytes) => Promise.resolve(new Module(bytes));
})();
`;
}

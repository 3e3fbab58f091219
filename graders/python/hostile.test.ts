/**
 * Hostile Python, in a child process started with --no-node-snapshot: each
 * submission gets a verdict, the process stays healthy (a trivial job still
 * runs afterwards), and nothing of the host is reachable.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import type { RunCasesOutcome } from "../coding/run-cases.ts";
import type { CallOutcome } from "../sandbox/session.ts";
import { runInChild, type ChildJob, type ChildResult } from "./testkit.ts";

const LIMITS = { cpuMs: 1000, wallMs: 5000 };

const PROBE_JS = String.raw`
import js, pyodide_js
from pyodide.ffi import JsProxy
found = {}
found["globals"] = sorted(str(n) for n in js.Object.getOwnPropertyNames(js.globalThis))
for expr in ["typeof require", "typeof process", "typeof fetch", "typeof WebSocket", "typeof XMLHttpRequest",
             "typeof WebAssembly", "typeof SharedArrayBuffer", "typeof Atomics", "typeof importScripts",
             "typeof module", "typeof Buffer", "typeof $0", "typeof readbuffer", "typeof read"]:
    found[expr] = "undefined" if getattr(js, expr.split()[1], None) is None else "defined"
found["eval"] = str(getattr(js, "eval", None))
def attempt(name, fn):
    try:
        found[name] = "ok: " + str(fn())
    except BaseException as e:
        found[name] = "failed: " + type(e).__name__
wasm_memory = getattr(pyodide_js._module, "wasmMemory", None) or pyodide_js._module.memory
attempt("grow-past-cap", lambda: wasm_memory.grow(40000))
attempt("new-memory", lambda: js.Object.getPrototypeOf(wasm_memory).constructor.new(js.JSON.parse('{"initial": 20000}')).buffer.byteLength)
attempt("function-ctor-require", lambda: js.Function("return require('fs')")())
attempt("function-ctor-via-prototype", lambda: js.Object.getPrototypeOf(js.Object.keys).constructor("return 1")())
attempt("async-function-ctor", lambda: js.Object.getPrototypeOf(pyodide_js.loadPackage).constructor("return 1"))
attempt("big-arraybuffer", lambda: js.ArrayBuffer.new(1024 * 1024 * 1024).byteLength)
`;

const jobs: ChildJob[] = [
  { name: "while-true", entry: "f", limits: LIMITS, source: "def f():\n    while True: pass\n", cases: [[], []] },
  {
    name: "except-base",
    entry: "f",
    limits: LIMITS,
    source: "def f():\n    while True:\n        try:\n            while True: pass\n        except BaseException:\n            pass\n",
    cases: [[]],
  },
  { name: "module-loop", entry: "f", limits: LIMITS, source: "while True: pass\ndef f(): return 1\n", cases: [[]] },
  { name: "big-power", entry: "f", limits: LIMITS, source: "def f():\n    return 7**(10**8) > 0\n", cases: [[]] },
  { name: "sleep", entry: "f", limits: LIMITS, source: "import time\ndef f():\n    time.sleep(100)\n", cases: [[]] },
  { name: "bytearray", entry: "f", source: "def f():\n    b = bytearray(1536 * 1024 * 1024)\n    return len(b)\n", cases: [[]] },
  { name: "list-growth", entry: "f", limits: { ...LIMITS, cpuMs: 5000 }, source: "def f():\n    x = []\n    while True: x.append([0] * 1000)\n", cases: [[]] },
  // Recursion gets the default CPU budget: 1000 frames cost ≈ 0.2 s, more on a loaded machine.
  { name: "recursion", entry: "f", limits: { cpuMs: 5000 }, source: "import sys\nsys.setrecursionlimit(10**9)\ndef f(n=0):\n    return f(n + 1) + 1\n", cases: [[], []] },
  { name: "recursion-default", entry: "f", limits: { cpuMs: 5000 }, source: "def f(n=0):\n    return f(n + 1) + 1\n", cases: [[]] },
  // A refused 1 GiB ArrayBuffer costs V8 ≈ 1.5 s of last-resort GCs: a roomy CPU budget.
  { name: "js-probe", entry: "f", limits: { cpuMs: 10_000 }, source: `def f():\n${PROBE_JS.split("\n").map((l) => "    " + l).join("\n")}\n    return found\n`, cases: [[]] },
  { name: "passwd", entry: "f", source: "def f():\n    return open('/etc/passwd').read()\n", cases: [[]] },
  {
    name: "filesystem",
    entry: "f",
    source: [
      "import os",
      "def f():",
      "    names = []",
      "    for root, dirs, files in os.walk('/'):",
      "        if root.startswith(('/lib', '/proc', '/dev')): continue",
      "        names += [os.path.join(root, n) for n in files]",
      "    return {'files': sorted(names), 'env': dict(os.environ), 'cwd': os.getcwd()}",
    ].join("\n"),
    cases: [[]],
  },
  {
    name: "socket",
    entry: "f",
    limits: LIMITS,
    source: "import socket\ndef f():\n    s = socket.create_connection(('127.0.0.1', 22), timeout=1)\n    return 'connected'\n",
    cases: [[]],
  },
  { name: "urllib", entry: "f", limits: LIMITS, source: "import urllib.request\ndef f():\n    return urllib.request.urlopen('http://127.0.0.1:1/').read().decode()\n", cases: [[]] },
  {
    name: "subprocess",
    entry: "f",
    limits: LIMITS,
    source: "import subprocess\ndef f():\n    return subprocess.run(['cat', '/etc/hostname'], capture_output=True).stdout.decode()\n",
    cases: [[]],
  },
  { name: "os-system", entry: "f", limits: LIMITS, source: "import os\ndef f():\n    return os.system('touch /tmp/prodloop-python-pwned')\n", cases: [[]] },
  { name: "print-forever", entry: "f", limits: LIMITS, source: "def f():\n    while True: print('x', end='')\n", cases: [[], []] },
  { name: "print-swallowed", entry: "f", limits: LIMITS, source: "def f():\n    while True:\n        try:\n            print('y' * 1000)\n        except BaseException:\n            pass\n", cases: [[]] },
  { name: "huge-result", entry: "f", limits: LIMITS, source: "def f():\n    return 'z' * (9 * 1024 * 1024)\n", cases: [[]] },
  // Runs after the others: its interpreter must not see anything they left behind.
  { name: "fresh-interpreter", entry: "f", source: "import sys\ndef f():\n    return ['solution' in sys.modules, sorted(k for k in globals() if not k.startswith('__'))]\n", cases: [[]] },
];

let run: ChildResult;

function outcome(name: string): RunCasesOutcome {
  const j = run.jobs.get(name);
  if (!j) throw new Error(`no result for ${name}; child exit ${run.exitCode}, stderr: ${run.stderr.slice(0, 2000)}`);
  return j.outcome;
}

function calls(name: string): CallOutcome[] {
  const o = outcome(name);
  if (o.kind !== "ran") throw new Error(`${name}: expected ran, got ${JSON.stringify(o).slice(0, 500)}`);
  return o.outcomes;
}

function first(name: string): CallOutcome {
  const c = calls(name)[0];
  if (!c) throw new Error(`${name}: no outcomes`);
  return c;
}

beforeAll(async () => {
  run = await runInChild(jobs);
}, 300_000);

describe("hostile Python", () => {
  test("every job got an answer and the process is healthy afterwards", () => {
    expect(run.exitCode, run.stderr).toBe(0);
    for (const j of jobs) expect(run.jobs.has(j.name), j.name).toBe(true);
    expect(run.health?.afterwards).toMatchObject({ kind: "ran", outcomes: [{ kind: "ok", value: 42 }] });
    // Several hundred MB is a leak: each isolate is ≈ 70–80 MB while alive.
    expect(run.health?.rss ?? Infinity).toBeLessThan(1024 * 1024 * 1024);
  });

  test("while True: pass is a time limit, and stops the remaining tests", () => {
    expect(calls("while-true")).toEqual([expect.objectContaining({ kind: "limit", verdict: "time_limit" })]);
    expect(first("except-base")).toMatchObject({ kind: "limit", verdict: "time_limit" });
    expect(outcome("module-loop")).toMatchObject({ kind: "start_failed", start: { kind: "limit", verdict: "time_limit" } });
    expect(first("big-power")).toMatchObject({ kind: "limit", verdict: "time_limit" });
    // Pyodide's time.sleep busy-waits, so it is billed as CPU.
    expect(first("sleep")).toMatchObject({ kind: "limit", verdict: "time_limit" });
  });

  test("a 1.5 GiB bytearray and unbounded growth are memory limits", () => {
    expect(first("bytearray")).toMatchObject({ kind: "limit", verdict: "memory_limit" });
    expect(first("list-growth")).toMatchObject({ kind: "limit", verdict: "memory_limit" });
  });

  test("unbounded recursion is a runtime error, with or without a raised limit", () => {
    expect(calls("recursion")).toEqual([expect.objectContaining({ kind: "error", message: expect.stringMatching(/^RecursionError/) })]);
    expect(first("recursion-default")).toMatchObject({ kind: "error", message: expect.stringMatching(/^RecursionError/) });
  });

  test("the isolate's JS realm holds nothing of the host", () => {
    const o = first("js-probe");
    expect(o.kind, JSON.stringify(o)).toBe("ok");
    if (o.kind !== "ok") return;
    const found = o.value as Record<string, unknown>;
    for (const [k, v] of Object.entries(found)) if (k.startsWith("typeof")) expect(v, k).toBe("undefined");
    const globals = found.globals as string[];
    for (const name of ["require", "process", "fetch", "WebAssembly", "SharedArrayBuffer", "read", "readbuffer", "load"]) expect(globals).not.toContain(name);
    expect(globals.filter((g) => g.startsWith("__prodloop"))).toEqual([]);
    expect(found["grow-past-cap"]).toMatch(/^failed/);
    expect(found["new-memory"]).not.toMatch(/^ok: \d{9,}/);
    expect(found.eval).toBe("None");
    expect(found["function-ctor-require"]).toMatch(/^failed/);
    expect(found["function-ctor-via-prototype"]).toMatch(/^failed/);
    expect(found["async-function-ctor"]).toMatch(/^failed/);
    expect(found["big-arraybuffer"]).toMatch(/^failed/);
  });

  test("open('/etc/passwd') fails and reveals nothing of the machine", () => {
    const o = first("passwd");
    expect(o).toMatchObject({ kind: "error", message: expect.stringMatching(/^FileNotFoundError/) });
    const fs = first("filesystem");
    expect(fs.kind).toBe("ok");
    if (fs.kind !== "ok") return;
    const seen = JSON.stringify(fs.value);
    const hostPasswd = readFileSync("/etc/passwd", "utf8").split("\n")[0] ?? "root:x:0:0";
    expect(seen).not.toContain(hostPasswd);
    expect(seen).not.toContain(process.cwd());
    for (const key of ["PATH", "HOSTNAME", "USER"]) {
      const v = process.env[key];
      if (v && v.length > 3) expect(seen).not.toContain(v);
    }
  });

  test("sockets, HTTP, subprocesses and os.system fail", () => {
    for (const name of ["socket", "urllib", "subprocess"]) {
      // Importing urllib.request (http, email, ssl) may already exhaust the CPU budget: any verdict but a value.
      const o = outcome(name);
      const verdict = o.kind === "ran" ? o.outcomes[0]?.kind : o.kind;
      expect(verdict, `${name}: ${JSON.stringify(o)}`).not.toBe("ok");
    }
    const sys = first("os-system");
    if (sys.kind === "ok") expect(sys.value).not.toBe(0);
    let created = true;
    try {
      readFileSync("/tmp/prodloop-python-pwned");
    } catch {
      created = false;
    }
    expect(created).toBe(false);
  });

  test("printing without end is an output limit", () => {
    expect(calls("print-forever")).toEqual([expect.objectContaining({ kind: "limit", verdict: "output_limit" })]);
    expect(first("print-swallowed")).toMatchObject({ kind: "limit" });
    expect(first("huge-result")).toMatchObject({ kind: "limit", verdict: "output_limit" });
  });

  test("each submission gets a fresh interpreter", () => {
    expect(first("fresh-interpreter")).toMatchObject({ kind: "ok", value: [true, ["f", "sys"]] });
  });
});

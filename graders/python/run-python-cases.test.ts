/**
 * runPythonCases end to end, in a child process started with
 * --no-node-snapshot (as grader workers are): values, verdict outcomes,
 * positions and tracebacks, print capture, the standard library.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { checkResult } from "../coding/checkers.ts";
import type { RunCasesOutcome } from "../coding/run-cases.ts";
import type { CallOutcome } from "../sandbox/session.ts";
import { runInChild, type ChildJob, type ChildResult } from "./testkit.ts";

const jobs: ChildJob[] = [
  {
    name: "values",
    entry: "top_k_ips",
    source: [
      "from collections import Counter",
      "def top_k_ips(lines, k):",
      "    c = Counter(l.split()[0] for l in lines)",
      "    return [ip for ip, _ in sorted(c.items(), key=lambda t: (-t[1], t[0]))[:k]]",
    ].join("\n"),
    cases: [
      [["1.1.1.1 GET /", "2.2.2.2 GET /", "1.1.1.1 GET /a"], 1],
      [["3.3.3.3 GET /", "2.2.2.2 GET /"], 2],
    ],
  },
  {
    name: "shapes",
    entry: "f",
    source: "def f(x):\n    return [(1, 'a'), None, {'k': [True, 1.5]}, x, 'é✓', 2**40]\n",
    cases: [[{ nested: [1, null] }]],
  },
  { name: "set", entry: "f", source: "def f():\n    return {1, 2}\n", cases: [[]] },
  { name: "int-keys", entry: "f", source: "def f():\n    return {'a': {1: 2}}\n", cases: [[]] },
  { name: "nan", entry: "f", source: "def f():\n    return [float('nan')]\n", cases: [[]] },
  { name: "syntax", entry: "f", source: "def f(a):\n    x = 1\n    return a +* x\n", cases: [[1]] },
  { name: "indent", entry: "f", source: "def f(a):\nreturn a\n", cases: [[1]] },
  { name: "no-entry", entry: "f", source: "def g(a):\n    return a\n", cases: [[1]] },
  {
    name: "traceback",
    entry: "f",
    source: "import json\n\ndef helper(d):\n    return d['missing']\n\ndef f(a):\n    return helper(json.loads(a))\n",
    cases: [["{}"], ["{\"missing\": 3}"]],
  },
  { name: "module-error", entry: "f", source: "print('loading')\nx = 1 / 0\ndef f():\n    return 1\n", cases: [[]] },
  { name: "print", entry: "f", source: "import sys\ndef f(n):\n    print('n is', n)\n    print('no newline', end='')\n    print('err', file=sys.stderr)\n    return n\n", cases: [[1], [2]] },
  { name: "main-guard", entry: "f", source: "def f():\n    return __name__\nif __name__ == '__main__':\n    raise SystemExit('should not run')\n", cases: [[]] },
  {
    name: "stdlib",
    entry: "f",
    source: [
      "import time",
      "t = time.perf_counter()",
      "import collections, heapq, bisect, itertools, functools, math, re, typing, dataclasses, json, datetime",
      "IMPORT_MS = (time.perf_counter() - t) * 1000",
      "from dataclasses import dataclass",
      "@dataclass(order=True)",
      "class Job:",
      "    at: int",
      "    name: str = ''",
      "@functools.lru_cache(maxsize=None)",
      "def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)",
      "def f():",
      "    h = [Job(3, 'c'), Job(1, 'a')]",
      "    heapq.heapify(h)",
      "    d = datetime.datetime(2024, 1, 31) + datetime.timedelta(days=1)",
      "    return [heapq.heappop(h).name, bisect.bisect_left([1, 3, 5], 4), list(itertools.permutations([1, 2]))[1], fib(80),",
      "            math.isqrt(99), re.findall(r'\\d+', 'a1b22'), d.isoformat(), json.dumps({'a': 1}), IMPORT_MS < 50]",
    ].join("\n"),
    cases: [[]],
  },
  { name: "arity", entry: "f", source: "def f(a):\n    return a\n", cases: [[1, 2]] },
  { name: "input", entry: "f", source: "def f():\n    return input()\n", cases: [[]] },
  { name: "random-a", entry: "f", source: "import random\ndef f():\n    return random.getrandbits(64)\n", cases: [[]] },
  { name: "random-b", entry: "f", source: "import random\ndef f():\n    return random.getrandbits(64)\n", cases: [[]] },
  // memoryMb is headroom above the interpreter: 100 MB fits under 128, not under the default 64.
  { name: "mem-128", entry: "f", limits: { memoryMb: 128 }, source: "def f():\n    b = bytearray(100 * 1024 * 1024)\n    return len(b)\n", cases: [[]] },
  { name: "mem-64", entry: "f", source: "def f():\n    b = bytearray(100 * 1024 * 1024)\n    return len(b)\n", cases: [[]] },
  { name: "mem-report", entry: "f", source: "def f():\n    b = bytearray(20 * 1024 * 1024)\n    return len(b)\n", cases: [[]] },
  { name: "raise-exit", entry: "f", source: "import sys\ndef f():\n    sys.exit(3)\n", cases: [[]] },
  // Long enough (≥ 50 ms even on an idle machine) for the child to sample the pool while it runs.
  { name: "busy", entry: "f", source: "def f(n):\n    t = 0\n    for i in range(n):\n        t += i % 7\n    return t\n", cases: [[300_000], [300_000]] },
];

let run: ChildResult;

function outcome(name: string): RunCasesOutcome {
  const j = run.jobs.get(name);
  if (!j) throw new Error(`no result for ${name}; child stderr: ${run.stderr.slice(0, 2000)}`);
  return j.outcome;
}

function calls(name: string): CallOutcome[] {
  const o = outcome(name);
  if (o.kind !== "ran") throw new Error(`${name}: expected ran, got ${JSON.stringify(o)}`);
  return o.outcomes;
}

function first(name: string): CallOutcome {
  const c = calls(name)[0];
  if (!c) throw new Error(`${name}: no outcomes`);
  return c;
}

beforeAll(async () => {
  run = await runInChild(jobs);
}, 180_000);

describe("runPythonCases", () => {
  test("the child process stayed healthy", () => {
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.health?.afterwards).toMatchObject({ kind: "ran", outcomes: [{ kind: "ok", value: 42 }] });
  });

  test("values come back as JSON and are judged on the host", () => {
    const [a, b] = calls("values");
    expect(a).toMatchObject({ kind: "ok", value: ["1.1.1.1"], isUndefined: false });
    expect(b).toMatchObject({ kind: "ok", value: ["2.2.2.2", "3.3.3.3"] });
    if (a?.kind !== "ok" || b?.kind !== "ok") throw new Error("unreachable");
    expect(checkResult({ kind: "exact" }, [], ["1.1.1.1"], a.value).ok).toBe(true);
    expect(checkResult({ kind: "exact" }, [], ["3.3.3.3", "2.2.2.2"], b.value).ok).toBe(false);
  });

  test("tuples become arrays, dicts objects, None null", () => {
    expect(first("shapes")).toMatchObject({ kind: "ok", value: [[1, "a"], null, { k: [true, 1.5] }, { nested: [1, null] }, "é✓", 2 ** 40] });
  });

  test("values JSON cannot carry are runtime errors naming the problem", () => {
    expect(first("set")).toMatchObject({ kind: "error", message: expect.stringMatching(/type set/) });
    expect(first("int-keys")).toMatchObject({ kind: "error", message: expect.stringMatching(/key of type int/) });
    expect(first("nan")).toMatchObject({ kind: "error", message: expect.stringMatching(/nan/) });
  });

  test("a SyntaxError is a compile error with line and column in the candidate's code", () => {
    const o = outcome("syntax");
    expect(o).toMatchObject({ kind: "compile_error", error: { kind: "compile", line: 3, column: 15 } });
    if (o.kind === "compile_error") expect(o.error.message).toMatch(/File "solution\.py", line 3[\s\S]*SyntaxError/);
    expect(outcome("indent")).toMatchObject({ kind: "compile_error", error: { line: 2, message: expect.stringMatching(/IndentationError/) } });
  });

  test("a missing entry function is a compile error", () => {
    expect(outcome("no-entry")).toMatchObject({ kind: "compile_error", error: { message: expect.stringMatching(/'f' is not defined/) } });
  });

  test("an exception is an error with a traceback of the candidate's frames only", () => {
    const [bad, good] = calls("traceback");
    expect(good).toMatchObject({ kind: "ok", value: 3 });
    expect(bad).toMatchObject({ kind: "error", message: "KeyError: 'missing'", line: 4 });
    if (bad?.kind !== "error") throw new Error("unreachable");
    expect(bad.stack).toMatch(/^Traceback \(most recent call last\):\n {2}File "solution\.py", line 7, in f\n[\s\S]*File "solution\.py", line 4, in helper/);
    expect(bad.stack).not.toMatch(/_prodloop|json[/\\]|<exec>|\/lib\/python/);
  });

  test("an error in module code fails the start, with its output", () => {
    const o = outcome("module-error");
    expect(o).toMatchObject({ kind: "start_failed", start: { kind: "error", message: "ZeroDivisionError: division by zero", line: 2 } });
  });

  test("print output is captured per test, stderr included", () => {
    // stdout is line-buffered as on a terminal: the unterminated line follows stderr's.
    const [a, b] = calls("print");
    expect(a).toMatchObject({ kind: "ok", value: 1, stdout: "n is 1\nerr\nno newline" });
    expect(b).toMatchObject({ kind: "ok", value: 2, stdout: "n is 2\nerr\nno newline" });
  });

  test("the module is not __main__, so a main guard does not run", () => {
    expect(first("main-guard")).toMatchObject({ kind: "ok", value: "solution" });
  });

  test("the interview standard library is there and preloaded", () => {
    expect(first("stdlib")).toMatchObject({
      kind: "ok",
      value: ["a", 2, [2, 1], 23416728348467685, 9, ["1", "22"], "2024-02-01T00:00:00", '{"a": 1}', true],
    });
  });

  test("a call with the wrong number of arguments is an error without harness frames", () => {
    const o = first("arity");
    expect(o).toMatchObject({ kind: "error", message: expect.stringMatching(/^TypeError: f\(\) takes 1 positional argument but 2 were given/) });
    if (o.kind === "error") expect(o.stack).not.toMatch(/_prodloop|File "<exec>"/);
  });

  test("stdin is empty: input() raises EOFError", () => {
    expect(first("input")).toMatchObject({ kind: "error", message: expect.stringMatching(/^EOFError/) });
  });

  test("random is reseeded per interpreter, not replayed from the snapshot", () => {
    const a = first("random-a");
    const b = first("random-b");
    expect(a.kind).toBe("ok");
    expect(b.kind).toBe("ok");
    if (a.kind === "ok" && b.kind === "ok") expect(a.value).not.toEqual(b.value);
  });

  test("the pool is refilled after a submission, not beside it", () => {
    const busy = run.jobs.get("busy");
    expect(calls("busy").every((c) => c.kind === "ok")).toBe(true);
    // No replacement boots while the submission runs (it would compete for the CPU)...
    expect(busy?.pool.during).toBe(0);
    // ...and one is on its way as soon as the submission is done.
    expect(busy?.pool.after).toBe(1);
  });

  test("the memory limit is the problem's memoryMb above the interpreter's own memory", () => {
    expect(first("mem-128")).toMatchObject({ kind: "ok", value: 100 * 1024 * 1024 });
    expect(first("mem-64")).toMatchObject({ kind: "limit", verdict: "memory_limit" });
    const o = outcome("mem-report");
    // Growth of linear memory: the restored interpreter has a few MB free, so it is a little less than allocated.
    expect(o.kind === "ran" ? o.memoryBytes : 0).toBeGreaterThanOrEqual(10 * 1024 * 1024);
  });

  test("sys.exit is an error, not the end of the worker", () => {
    expect(first("raise-exit")).toMatchObject({ kind: "error", message: expect.stringMatching(/SystemExit: 3/) });
  });
});

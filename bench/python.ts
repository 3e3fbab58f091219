/**
 * Python part of the grading benchmark (issue 5, "CLI, tests, benchmark"),
 * called by bench/grading.ts with its worker pool and its generated problem
 * (peak-sessions: 2 examples + 50 hidden tests, 52 cases per submission).
 *
 * 1. In this process, with the engine's own modules: makes the Pyodide
 *    snapshot (cold boot) and warms the wasm module up once, then boots a
 *    few isolates from the snapshot and keeps them alive to measure boot time,
 *    RSS growth per live isolate and each isolate's V8 heap.
 * 2. Concurrency 1 through the WorkerPool (pythonWarm = 1: each worker keeps
 *    one isolate booted ahead and boots a replacement as soon as one is
 *    taken). Rounds of: one *paced* submission (the round starts only after
 *    a gap of at least twice the median boot from snapshot, so the worker's
 *    refill has finished: this is the latency with the pool warm), then two
 *    *back-to-back* submissions (the next starts the moment the previous
 *    verdict arrives, so it waits for the refill: latency with refills
 *    counted), then a bare `python3` process per submission, an empty
 *    `python3 -c pass`, and an in-process breakdown sample.
 * 3. Concurrency 8: alternating blocks of pool submissions and python3
 *    processes. Pool throughput is taken in steady state (from the
 *    2×workers-th completion to the last, so the isolates booted before the
 *    block started are not counted as free work): every submission in that
 *    window consumes an isolate booted from the snapshot inside it.
 *
 * Every verdict is checked against the expected one (accepted / wrong_answer
 * / runtime_error) for both models.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { runVerdictProcess, type ProcessVerdict } from "./run-process.ts";
import { mean, pct, r1, r2, table } from "./stats.ts";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type ivm from "isolated-vm";
import type { WorkerPool } from "../graders/jobs/index.ts";
import type { GradeResult } from "../graders/coding/types.ts";
import { MAX_RESULT_BYTES, limitsForLanguage, type GradingLimits } from "../graders/limits.ts";
import { pyodideFiles } from "../graders/python/assets.ts";
import { bootFromSnapshot, type PythonIsolate } from "../graders/python/boot.ts";
import { pythonEntryName } from "../graders/python/names.ts";
import { PythonSession } from "../graders/python/session.ts";
import { pythonMemorySizing } from "../graders/python/sizing.ts";
import { pythonSnapshot } from "../graders/python/snapshot.ts";
import { warmUp } from "../graders/python/warmup.ts";

export interface PythonBenchOptions {
  pool: WorkerPool;
  /** pythonWarm the pool was created with. */
  pythonWarm: number;
  slug: string;
  /** camelCase entry of the problem (the Python one is derived from it). */
  entry: string;
  /** The problem's limits (problem.json); Python gets them scaled. */
  limits: GradingLimits;
  /** JSON file with every case, [{args, expected}], examples first (as Submit runs them). */
  casesFile: string;
  cases: number;
  tmp: string;
  cpus: number;
  scale: number;
  log: (s: string) => void;
}

export interface PythonBenchReport {
  lines: string[];
  result: Record<string, unknown>;
  mismatches: string[];
}

// ---------------------------------------------------------------- submissions

const REFERENCE_PY = `# Sweep line: (t, -1) sorts before (t, +1), so a session ending at t is closed before one starting at t.
def peak_sessions(sessions):
    events = []
    for start, end in sessions:
        events.append((start, 1))
        events.append((end, -1))
    events.sort()
    open_ = best = 0
    for _, d in events:
        open_ += d
        if open_ > best:
            best = open_
    return best
`;

const TWO_POINTERS_PY = `from typing import List

# Sorted starts and ends, two pointers.
def peak_sessions(sessions: List[List[int]]) -> int:
    starts = sorted(s for s, _ in sessions)
    ends = sorted(e for _, e in sessions)
    i = j = open_ = best = 0
    while i < len(starts):
        if starts[i] < ends[j]:
            open_ += 1
            i += 1
            best = max(best, open_)
        else:
            open_ -= 1
            j += 1
    return best
`;

const WRONG_INCLUSIVE_PY = `# Starts sort before ends at the same t: back-to-back sessions count as overlapping.
def peak_sessions(sessions):
    events = []
    for start, end in sessions:
        events.append((start, 1))
        events.append((end, -1))
    events.sort(key=lambda e: (e[0], -e[1]))
    open_ = best = 0
    for _, d in events:
        open_ += d
        best = max(best, open_)
    return best
`;

const WRONG_EMPTY_PY = `import heapq

# Initialises from the first session: IndexError on an empty list.
def peak_sessions(sessions):
    s = sorted(sessions)
    best = 1 if s[0][1] > s[0][0] else 0
    ends = []
    for start, end in s:
        while ends and ends[0] <= start:
            heapq.heappop(ends)
        heapq.heappush(ends, end)
        best = max(best, len(ends))
    return best
`;

type Expected = "accepted" | "wrong_answer" | "runtime_error";

interface Submission {
  code: string;
  expected: Expected;
}

/** Same mix as the JavaScript bench: 3/4 accepted (two styles), 1/8 wrong answer, 1/8 runtime error; each source unique. */
function submission(i: number): Submission {
  const kind = i % 8;
  const [code, expected]: [string, Expected] =
    kind === 3 ? [WRONG_INCLUSIVE_PY, "wrong_answer"] : kind === 7 ? [WRONG_EMPTY_PY, "runtime_error"] : kind % 2 === 0 ? [REFERENCE_PY, "accepted"] : [TWO_POINTERS_PY, "accepted"];
  return { code: `# bench submission ${i} ${process.pid}\n${code}`, expected };
}

// ---------------------------------------------------------------- python3 baseline

/** One process per submission: import the solution, run every case, compare, print a verdict. */
const RUNNER_PY = `import importlib.util, json, sys
sys.dont_write_bytecode = True  # every submission is new source: no .pyc cache hits
solution_file, cases_file, entry = sys.argv[1:4]
with open(cases_file, encoding="utf-8") as f:
    cases = json.load(f)
try:
    spec = importlib.util.spec_from_file_location("solution", solution_file)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    fn = getattr(mod, entry)
except Exception:
    sys.stdout.write(json.dumps({"verdict": "compile_error", "passed": 0, "total": len(cases)}))
    sys.exit(0)
verdict, passed = "accepted", 0
for c in cases:
    try:
        actual = json.loads(json.dumps(fn(*json.loads(json.dumps(c["args"])))))
        v = "accepted" if actual == c["expected"] else "wrong_answer"
    except Exception:
        v = "runtime_error"
    if v == "accepted":
        passed += 1
    elif verdict == "accepted":
        verdict = v
sys.stdout.write(json.dumps({"verdict": verdict, "passed": passed, "total": len(cases)}))
`;

const PYTHON3 = "python3";

function runPython3(args: string[]): Promise<ProcessVerdict> {
  return runVerdictProcess(PYTHON3, args, 15_000);
}

function python3Version(): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(PYTHON3, ["--version"], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.on("error", () => resolve("python3 not found"));
    child.on("close", () => resolve(out.trim()));
  });
}

// ---------------------------------------------------------------- helpers


const mb = (bytes: number): number => r1(bytes / (1024 * 1024));
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** This process's children whose command line mentions `needle` (the pool's grader workers), from /proc. */
function children(needle: string): string[] {
  const out: string[] = [];
  try {
    const pids = new Set<string>();
    for (const tid of readdirSync(`/proc/${process.pid}/task`)) {
      for (const p of readFileSync(`/proc/${process.pid}/task/${tid}/children`, "utf8").trim().split(/\s+/)) if (p) pids.add(p);
    }
    for (const pid of pids) {
      try {
        if (readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(needle)) out.push(pid);
      } catch {
        /* exited meanwhile */
      }
    }
  } catch {
    /* no /proc */
  }
  return out;
}

/** RSS of the grader workers, bytes. */
function childRss(needle: string): number[] {
  const out: number[] = [];
  for (const pid of children(needle)) {
    try {
      const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) out.push(Number(m[1]) * 1024);
    } catch {
      /* exited meanwhile */
    }
  }
  return out;
}

/** CPU time (user + system, all threads) the grader workers have used so far, ms (Linux clock ticks of 10 ms). */
function childCpuMs(needle: string): number {
  let ticks = 0;
  for (const pid of children(needle)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      /* exited meanwhile */
    }
  }
  return ticks * 10;
}

interface Phase {
  latencies: number[];
  wallMs: number;
  count: number;
}

// ---------------------------------------------------------------- in-process breakdown

interface Envelope {
  r: { k: string };
}

/** Times the parts of one Python submission in this process, with the engine's modules. */
class PythonProbe {
  private snapshot: Uint8Array = new Uint8Array(0);
  private basePages = 0;
  private sizing = { maxPages: 0, heapMb: 0 };
  private readonly limits: GradingLimits;
  private readonly entry: string;
  private argsJson: string[] = [];
  private expectedJson: string[] = [];
  readonly boots: number[] = [];
  /** Per boot: CPU of this whole process (all threads) and of the booted isolate itself. */
  readonly bootCpu: number[] = [];
  readonly bootIsolateCpu: number[] = [];
  readonly parts = { start: [] as number[], calls: [] as number[], callsCpu: [] as number[], harness: [] as number[], harnessCpu: [] as number[], harnessEmpty: [] as number[], dispose: [] as number[], engine: [] as number[] };
  snapshotMakeMs = 0;
  warmUpMs = 0;

  constructor(limits: GradingLimits, entry: string) {
    this.limits = limits;
    this.entry = entry;
  }

  get snapshotBytes(): number {
    return this.snapshot.length;
  }
  get wasmBaseBytes(): number {
    return this.basePages * 65_536;
  }

  async init(casesFile: string): Promise<void> {
    const cases = JSON.parse(readFileSync(casesFile, "utf8")) as { args: unknown[]; expected: unknown }[];
    this.argsJson = cases.map((c) => JSON.stringify(c.args));
    this.expectedJson = cases.map((c) => JSON.stringify(c.expected));
    let t = performance.now();
    const snap = await pythonSnapshot();
    this.snapshotMakeMs = performance.now() - t;
    this.snapshot = snap.bytes;
    this.basePages = snap.basePages;
    this.sizing = pythonMemorySizing(this.limits.memoryMb, snap.basePages);
    // The module warm-up the engine does once per process and memory cap (warmup.ts).
    t = performance.now();
    await warmUp(await this.boot(false));
    this.warmUpMs = performance.now() - t;
  }

  async boot(record = true): Promise<PythonIsolate> {
    const t = performance.now();
    const c = process.cpuUsage();
    const py = await bootFromSnapshot(this.snapshot, { ...this.sizing, maxResultBytes: MAX_RESULT_BYTES });
    if (record) {
      this.boots.push(performance.now() - t);
      const d = process.cpuUsage(c);
      this.bootCpu.push((d.user + d.system) / 1000);
      this.bootIsolateCpu.push(Number(py.isolate.cpuTime) / 1e6);
    }
    return py;
  }

  /** One submission's engine work on a freshly booted isolate, then the harness alone on the same isolate. */
  async sample(round: number, record: boolean): Promise<void> {
    const py = await this.boot(record);
    const session = new PythonSession(py, this.limits);
    const s = submission(900_000 + round * 8); // accepted
    let disposed = false;
    try {
      let t = performance.now();
      const started = await session.start(s.code, this.entry);
      const start = performance.now() - t;
      if (started.kind !== "ready") throw new Error(`python breakdown: start failed: ${JSON.stringify(started)}`);
      const cpu0 = session.cpuTimeMs();
      t = performance.now();
      for (let i = 0; i < this.argsJson.length; i++) {
        const o = await session.call(this.argsJson[i] as string);
        if (o.kind !== "ok" || JSON.stringify(o.value) !== this.expectedJson[i]) throw new Error(`python breakdown: case ${i} gave ${JSON.stringify(o).slice(0, 200)}`);
      }
      const calls = performance.now() - t;
      const callsCpu = session.cpuTimeMs() - cpu0;
      // The harness alone: the same calls into a function that does nothing, straight
      // through the harness references (host → isolate hop, json.loads of the
      // arguments in Python, result JSON, the envelope, JSON.parse on the host);
      // then with an empty argument list, which leaves the per-call fixed cost.
      const apply = async (fn: ivm.Reference, args: (string | number)[]): Promise<Envelope> =>
        JSON.parse((await fn.apply(undefined, args, { result: { copy: true } })) as string) as Envelope;
      const loaded = await apply(py.load, [`def ${this.entry}(*args):\n    return 0\n`, this.entry, 65_536]);
      if (loaded.r.k !== "ready") throw new Error(`python breakdown: harness probe did not load: ${JSON.stringify(loaded)}`);
      const hCpu0 = session.cpuTimeMs();
      t = performance.now();
      for (const a of this.argsJson) if ((await apply(py.run, [a])).r.k !== "ok") throw new Error("python breakdown: harness probe call failed");
      const harness = performance.now() - t;
      const harnessCpu = session.cpuTimeMs() - hCpu0;
      t = performance.now();
      for (let i = 0; i < this.argsJson.length; i++) if ((await apply(py.run, ["[]"])).r.k !== "ok") throw new Error("python breakdown: empty harness call failed");
      const harnessEmpty = performance.now() - t;
      t = performance.now();
      session.dispose();
      disposed = true;
      const dispose = performance.now() - t;
      if (!record) return;
      const p = this.parts;
      p.start.push(start);
      p.calls.push(calls);
      p.callsCpu.push(callsCpu);
      p.harness.push(harness);
      p.harnessCpu.push(harnessCpu);
      p.harnessEmpty.push(harnessEmpty);
      p.dispose.push(dispose);
      p.engine.push(start + calls + dispose);
    } finally {
      if (!disposed) session.dispose();
    }
  }
}

// ---------------------------------------------------------------- main

export async function runPythonBench(o: PythonBenchOptions): Promise<PythonBenchReport> {
  const began = performance.now();
  const n = (x: number): number => Math.max(4, Math.round(x * o.scale));
  const ROUNDS = n(16);
  const BACK_TO_BACK = 2;
  const CONCURRENCY = 8;
  const BLOCKS = 2;
  const POOL_PER_BLOCK = n(24);
  const PROC_PER_BLOCK = n(24);
  const MEMORY_ISOLATES = 4;
  const { log, pool, cases } = o;
  const pyLimits = limitsForLanguage(o.limits, "py");
  const pyEntry = pythonEntryName(o.entry);
  const mismatches: string[] = [];
  const expect = (what: string, i: number, want: string, got: { verdict: string; passed: number; total: number }): void => {
    if (got.verdict !== want || got.total !== cases || (want === "accepted" && got.passed !== cases)) {
      mismatches.push(`python ${what} #${i}: expected ${want}${want === "accepted" ? ` ${cases}/${cases}` : ` (of ${cases})`}, got ${got.verdict} ${got.passed}/${got.total}`);
    }
  };
  const grade = (code: string): Promise<GradeResult> => pool.grade({ slug: o.slug, lang: "py", code, mode: "submit" });
  const loadAvg: number[] = [os.loadavg()[0] as number];

  const runner = path.join(o.tmp, "runner.py");
  writeFileSync(runner, RUNNER_PY);
  const solDir = path.join(o.tmp, "solutions");
  const solFile = (tag: string, i: number, s: Submission): string => {
    const f = path.join(solDir, `py_${tag}_${i}.py`);
    writeFileSync(f, s.code);
    return f;
  };
  const pyVersion = await python3Version();
  const workerRssReady = childRss("worker.ts");

  // 1. In-process: snapshot, warm-up, boots and memory per live isolate.
  const probe = new PythonProbe(pyLimits, pyEntry);
  await probe.init(o.casesFile);
  log(`python: snapshot made in ${r1(probe.snapshotMakeMs)} ms (${mb(probe.snapshotBytes)} MiB), module warm-up ${r1(probe.warmUpMs)} ms`);
  const rss0 = process.memoryUsage().rss;
  const live: PythonIsolate[] = [];
  for (let i = 0; i < MEMORY_ISOLATES; i++) live.push(await probe.boot());
  const rss1 = process.memoryUsage().rss;
  const heaps = await Promise.all(live.map((p) => p.isolate.getHeapStatistics()));
  for (const p of live) p.isolate.dispose();
  await sleep(50);
  const rss2 = process.memoryUsage().rss;
  const rssPerIsolate = (rss1 - rss0) / MEMORY_ISOLATES;
  const heapUsed = pct(heaps.map((h) => h.used_heap_size), 50);
  const heapTotal = pct(heaps.map((h) => h.total_heap_size), 50);
  const heapExternal = pct(heaps.map((h) => h.externally_allocated_size), 50);
  log(`python: ${MEMORY_ISOLATES} live isolates: RSS +${mb(rssPerIsolate)} MiB each; boots ${probe.boots.map((b) => r1(b)).join(", ")} ms`);

  // 2. Warm-up through the pool: each worker loads the problem and grades a few.
  await Promise.all(
    Array.from({ length: o.cpus * 2 }, async (_, i) => {
      const s = submission(1_000_000 + i);
      expect("warm-up", i, s.expected, await grade(s.code));
    }),
  );
  for (let i = 0; i < 2; i++) {
    await runPython3([runner, solFile("warm", i, submission(i)), o.casesFile, pyEntry]);
    await probe.sample(-1, false);
  }

  // 3. Concurrency 1: rounds of paced + back-to-back pool grades, a python3 process, an empty python3, a breakdown sample.
  const paced: number[] = [];
  const pacedCpu: number[] = [];
  const b2b: number[] = [];
  const proc1: number[] = [];
  const empty: number[] = [];
  const gaps: number[] = [];
  let resultBytes = 0;
  let lastEnd = -1;
  for (let round = 0; round < ROUNDS; round++) {
    const s = submission(round * (BACK_TO_BACK + 1));
    let t = performance.now();
    if (lastEnd >= 0) gaps.push(t - lastEnd);
    const r = await grade(s.code);
    paced.push(performance.now() - t);
    pacedCpu.push(r.cpuTimeMs);
    if (round === 0) resultBytes = JSON.stringify(r).length;
    expect("pool paced c=1", round, s.expected, r);
    for (let k = 1; k <= BACK_TO_BACK; k++) {
      const sb = submission(round * (BACK_TO_BACK + 1) + k);
      t = performance.now();
      const rb = await grade(sb.code);
      b2b.push(performance.now() - t);
      expect("pool back-to-back c=1", round * BACK_TO_BACK + k, sb.expected, rb);
    }
    lastEnd = performance.now();
    // Let the worker's refill (a boot from the snapshot) finish before anything else runs.
    await sleep(Math.max(300, 2 * pct(probe.boots, 50)));
    const file = solFile("c1", round, s);
    t = performance.now();
    expect("python3 c=1", round, s.expected, await runPython3([runner, file, o.casesFile, pyEntry]));
    proc1.push(performance.now() - t);
    t = performance.now();
    await runPython3(["-c", 'import sys; sys.stdout.write(\'{"verdict":"accepted","passed":0,"total":0}\')']);
    empty.push(performance.now() - t);
    await probe.sample(round, true);
  }
  const pace = pct(gaps, 0);
  log(`python c=1: pool paced p50 ${r1(pct(paced, 50))} ms, back-to-back p50 ${r1(pct(b2b, 50))} ms; python3 p50 ${r1(pct(proc1, 50))} ms`);
  loadAvg.push(os.loadavg()[0] as number);

  // 4. Concurrency 8: alternating blocks.
  const pool8: Phase = { latencies: [], wallMs: 0, count: 0 };
  const steady = { count: 0, ms: 0 };
  const proc8: Phase = { latencies: [], wallMs: 0, count: 0 };
  const files = Array.from({ length: PROC_PER_BLOCK * BLOCKS }, (_, i) => {
    const s = submission(20_000 + i);
    return { s, file: solFile("c8", i, s) };
  });
  const skip = 2 * o.cpus;
  let workerCpu = 0;
  for (let block = 0; block < BLOCKS; block++) {
    const done: number[] = [];
    const cpu0 = childCpuMs("worker.ts");
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < POOL_PER_BLOCK) {
          const k = block * POOL_PER_BLOCK + next++;
          const s = submission(10_000 + k);
          const t = performance.now();
          const r = await grade(s.code);
          const now = performance.now();
          pool8.latencies.push(now - t);
          done.push(now);
          expect("pool c=8", k, s.expected, r);
        }
      }),
    );
    pool8.wallMs += performance.now() - t0;
    pool8.count += POOL_PER_BLOCK;
    done.sort((a, b) => a - b);
    if (done.length > skip + 1) {
      steady.count += done.length - 1 - skip;
      steady.ms += (done[done.length - 1] as number) - (done[skip] as number);
    }
    // The refills the block started finish before the python3 block (and count in the block's CPU).
    await sleep(Math.max(300, 2 * pct(probe.boots, 50)));
    workerCpu += childCpuMs("worker.ts") - cpu0;
    next = 0;
    const t1 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < PROC_PER_BLOCK) {
          const k = block * PROC_PER_BLOCK + next++;
          const { s, file } = files[k] as { s: Submission; file: string };
          const t = performance.now();
          const r = await runPython3([runner, file, o.casesFile, pyEntry]);
          proc8.latencies.push(performance.now() - t);
          expect("python3 c=8", k, s.expected, r);
        }
      }),
    );
    proc8.wallMs += performance.now() - t1;
    proc8.count += PROC_PER_BLOCK;
  }
  const poolRaw = pool8.count / (pool8.wallMs / 1000);
  const poolSteady = steady.ms > 0 ? steady.count / (steady.ms / 1000) : poolRaw;
  const procRate = proc8.count / (proc8.wallMs / 1000);
  log(`python c=${CONCURRENCY}: pool ${r2(poolSteady)}/s steady (${r2(poolRaw)}/s raw); python3 ${r1(procRate)}/s`);
  loadAvg.push(os.loadavg()[0] as number);
  const workerRssAfter = childRss("worker.ts");

  // ------------------------------------------------------------ report
  const p50 = pct(paced, 50);
  const perCore = poolSteady / o.cpus;
  const cpuPerSubmission = workerCpu / pool8.count;
  const p = probe.parts;
  const med = (xs: number[]): number => pct(xs, 50);
  const rows: string[][] = [
    ["model", "concurrency", "submissions", "p50 ms", "p95 ms", "mean ms", "per second", "per s per core"],
    ["isolate pool, warm (paced)", "1", String(paced.length), r1(p50).toFixed(1), r1(pct(paced, 95)).toFixed(1), r1(mean(paced)).toFixed(1), "", ""],
    ["isolate pool, back-to-back", "1", String(b2b.length), r1(pct(b2b, 50)).toFixed(1), r1(pct(b2b, 95)).toFixed(1), r1(mean(b2b)).toFixed(1), r2(1000 / mean(b2b)).toFixed(2), ""],
    ["isolate pool, refills counted", String(CONCURRENCY), String(pool8.count), r1(pct(pool8.latencies, 50)).toFixed(1), r1(pct(pool8.latencies, 95)).toFixed(1), r1(mean(pool8.latencies)).toFixed(1), r2(poolSteady).toFixed(2), r2(perCore).toFixed(2)],
    ["python3 process per submission", "1", String(proc1.length), r1(pct(proc1, 50)).toFixed(1), r1(pct(proc1, 95)).toFixed(1), r1(mean(proc1)).toFixed(1), "", ""],
    ["python3 process per submission", String(CONCURRENCY), String(proc8.count), r1(pct(proc8.latencies, 50)).toFixed(1), r1(pct(proc8.latencies, 95)).toFixed(1), r1(mean(proc8.latencies)).toFixed(1), r1(procRate).toFixed(1), r1(procRate / o.cpus).toFixed(1)],
  ];
  const out: string[] = [];
  out.push("");
  out.push(`Python grading (CPython via Pyodide ${pyodideFiles().version} in isolated-vm), same problem, ${cases} cases per submission, mode submit; baseline ${pyVersion}`);
  out.push(`${o.cpus} CPUs, ${o.cpus} pool workers with pythonWarm=${o.pythonWarm} (isolates booted ahead per worker, a replacement booted after each submission); 1-min load average ${loadAvg.map((x) => x.toFixed(2)).join(" → ")}`);
  out.push("submissions: 3/4 accepted (two styles), 1/8 wrong_answer, 1/8 runtime_error; every source unique; every verdict checked (pool and python3)");
  out.push(`paced: each round's first submission is sent ≥ ${r1(pace)} ms after the previous verdict (a sleep of 2× the median boot from snapshot, then a python3 run and a breakdown sample), so the worker's refill has finished; back-to-back: ${BACK_TO_BACK} more per round, each sent the moment the previous verdict arrives, so each waits for the refill (a boot from the snapshot) the previous one started`);
  out.push(`concurrency ${CONCURRENCY}: ${BLOCKS} alternating blocks of ${POOL_PER_BLOCK} pool / ${PROC_PER_BLOCK} python3 submissions; pool rate in steady state (from the ${skip}th completion of a block to its last, so the ${o.cpus * o.pythonWarm} isolates booted before a block are not free work; raw count/wall ${r2(poolRaw)}/s)`);
  out.push("");
  out.push(...table(rows));
  out.push("");
  out.push(`python p50 with the pool warm: ${r1(p50)} ms                      target ≤ 150 ms: ${p50 <= 150 ? "met" : "NOT met"}`);
  out.push(`python sustained throughput at c=${CONCURRENCY}, refills counted: ${r2(perCore)}/s per core   target ≥ 2: ${perCore >= 2 ? "met" : "NOT met"}`);
  out.push(`grader workers' CPU per submission at c=${CONCURRENCY} (from /proc, refills included): ${r1(cpuPerSubmission)} ms → at most ${r2(1000 / cpuPerSubmission)}/s per core if the workers had the cores to themselves`);
  out.push(`an empty python3 process (python3 -c, spawn → exit) p50: ${r1(pct(empty, 50))} ms, p95 ${r1(pct(empty, 95))} ms`);
  out.push("");
  out.push("Python isolates (measured in this process with the engine's modules):");
  const memRows: [string, string][] = [
    ["snapshot: make (cold Pyodide boot + preload + harness), once per process", `${r1(probe.snapshotMakeMs)} ms`],
    ["snapshot size (restored linear memory)", `${mb(probe.snapshotBytes)} MiB (${mb(probe.wasmBaseBytes)} MiB of wasm pages)`],
    ["module warm-up (lazy wasm compilation), once per process and memory cap", `${r1(probe.warmUpMs)} ms`],
    [`boot from snapshot, p50 / p95 of ${probe.boots.length}`, `${r1(pct(probe.boots, 50))} / ${r1(pct(probe.boots, 95))} ms`],
    ["  CPU per boot: whole process (all threads) / the new isolate's own", `${r1(pct(probe.bootCpu, 50))} / ${r1(pct(probe.bootIsolateCpu, 50))} ms`],
    [`RSS growth per live isolate (${MEMORY_ISOLATES} booted, kept alive)`, `${mb(rssPerIsolate)} MiB (RSS back down by ${mb(rss1 - rss2)} MiB after disposing them)`],
    ["V8 heap of a booted isolate: used / total / external", `${mb(heapUsed)} / ${mb(heapTotal)} / ${mb(heapExternal)} MiB (wasm linear memory is outside it)`],
    ["grader worker RSS (pool workers, 1 warm isolate each): ready / after the bench", `${workerRssReady.map(mb).join(", ")} / ${workerRssAfter.map(mb).join(", ")} MiB`],
  ];
  const m0 = Math.max(...memRows.map((r) => r[0].length));
  for (const [k, v] of memRows) out.push(`  ${k.padEnd(m0)}  ${v}`);
  out.push("");
  out.push(`Where one Python submission's time goes (medians of ${p.start.length}, in this process, interleaved with the rounds above):`);
  const bdRows: [string, number][] = [
    ["boot from snapshot (done ahead by the pool; on the critical path back-to-back)", med(probe.boots)],
    ["module load: compile + exec of solution.py (start)", med(p.start)],
    [`${cases} test calls`, med(p.calls)],
    ["  of which the isolate's CPU time", med(p.callsCpu)],
    [`  the same ${cases} calls into \`return 0\` (harness + argument JSON)`, med(p.harness)],
    ["    of which the isolate's CPU time", med(p.harnessCpu)],
    [`  ${cases} calls into \`return 0\` with no arguments (fixed per-call cost)`, med(p.harnessEmpty)],
    ["  => argument JSON conversion (difference)", med(p.harness) - med(p.harnessEmpty)],
    ["  => the candidate's own code (calls minus harness)", med(p.calls) - med(p.harness)],
    ["dispose", med(p.dispose)],
    ["engine on a pre-booted isolate (start + calls + dispose)", med(p.engine)],
    ["pool round trip, paced p50", p50],
    ["  => problem load, checking, result IPC, scheduling (difference)", p50 - med(p.engine)],
  ];
  const w0 = Math.max(...bdRows.map((r) => r[0].length));
  for (const [k, v] of bdRows) out.push(`  ${k.padEnd(w0)}  ${r1(v).toFixed(1).padStart(7)} ms`);
  out.push(`  worker-reported CPU time p50 ${r1(pct(pacedCpu, 50))} ms; result message ${Math.round(resultBytes / 1024)} KiB of JSON; Python part ${r1((performance.now() - began) / 1000)} s`);
  if (mismatches.length) {
    out.push("");
    out.push(`PYTHON VERDICT MISMATCHES (${mismatches.length}): the figures above are not valid`);
    for (const m of mismatches.slice(0, 20)) out.push(`  ${m}`);
  }

  const result = {
    engine: `pyodide ${pyodideFiles().version}`,
    baseline: pyVersion,
    cases,
    workers: o.cpus,
    pythonWarm: o.pythonWarm,
    concurrency: 1,
    throughputConcurrency: CONCURRENCY,
    p50Ms: r1(p50),
    p95Ms: r1(pct(paced, 95)),
    pacingMs: r1(pace),
    backToBackP50Ms: r1(pct(b2b, 50)),
    backToBackP95Ms: r1(pct(b2b, 95)),
    perSecond: r2(poolSteady),
    perSecondPerCore: r2(perCore),
    perSecondRaw: r2(poolRaw),
    concurrency8P50Ms: r1(pct(pool8.latencies, 50)),
    baselineP50Ms: r1(pct(proc1, 50)),
    baselineP95Ms: r1(pct(proc1, 95)),
    baselinePerSecond: r1(procRate),
    baselinePerSecondPerCore: r1(procRate / o.cpus),
    emptyProcessP50Ms: r1(pct(empty, 50)),
    snapshotMB: mb(probe.snapshotBytes),
    snapshotMakeMs: r1(probe.snapshotMakeMs),
    moduleWarmUpMs: r1(probe.warmUpMs),
    bootP50Ms: r1(pct(probe.boots, 50)),
    bootP95Ms: r1(pct(probe.boots, 95)),
    bootCpuMs: r1(pct(probe.bootCpu, 50)),
    workerCpuPerSubmissionMs: r1(cpuPerSubmission),
    rssPerIsolateMB: mb(rssPerIsolate),
    isolateHeapUsedMB: mb(heapUsed),
    isolateHeapTotalMB: mb(heapTotal),
    workerRssMB: workerRssAfter.map(mb),
    breakdownMs: {
      start: r1(med(p.start)),
      calls: r1(med(p.calls)),
      callsCpu: r1(med(p.callsCpu)),
      harness: r1(med(p.harness)),
      harnessNoArgs: r1(med(p.harnessEmpty)),
      dispose: r1(med(p.dispose)),
      engine: r1(med(p.engine)),
    },
    counts: { paced: paced.length, backToBack: b2b.length, concurrency8: pool8.count, baselineConcurrency1: proc1.length, baselineConcurrency8: proc8.count },
    verdictMismatches: mismatches.length,
    targetsMet: { p50: p50 <= 150, perCore: perCore >= 2 },
  };
  return { lines: out, result, mismatches };
}


/**
 * Grading benchmark (`npm run bench`; issue 2, "Performance"). Not a test:
 * it reports figures and exits non-zero only when a submission gets a verdict
 * other than the one expected (a benchmark that measures errors is worthless).
 *
 * 1. Writes a benchmark problem (peak-sessions: 2 examples + 50 hidden tests
 *    of 20–200 intervals each) into a temporary problems root.
 * 2. Grades a mix of submissions (two correct styles, two known-wrong ones;
 *    every source is made unique so the compile cache never hits, as with
 *    real candidates) through the server's WorkerPool (workers = CPU count):
 *    concurrency 1 for p50/p95 verdict latency, concurrency 8 for throughput.
 * 3. Does the same work the Judge0/Piston way: one Node process per
 *    submission (process.execPath + a runner script, argument array, no
 *    shell) that loads the solution, runs the 52 cases, compares and prints a
 *    verdict. Same concurrencies. The two models are measured interleaved
 *    (rounds at concurrency 1, alternating blocks at 8) so that background
 *    load on a shared machine hits both alike.
 * 4. Breaks one submission's time down in-process (problem load, compile,
 *    isolate creation, module start, test calls, harness cost, dispose) and
 *    attributes the rest of the pool's latency to IPC and scheduling.
 *
 * 5. Python (bench/python.ts), through the same pool: warm-pool and
 *    back-to-back latency, throughput with refills counted, memory per
 *    isolate, beside a bare python3 process per submission; its figures go
 *    under "python" in RESULT.
 *
 * 6. The troubleshooting host (bench/host.ts), in this process: command
 *    latency on scenario hosts and the cost of creating, saving and
 *    restoring a session; under "host" in RESULT.
 *
 * Last line: RESULT {json}. BENCH_SCALE=0.5 (env) halves the submission counts.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { WorkerPool } from "../graders/jobs/index.ts";
import { loadGradableProblem, type GradableProblem } from "../graders/coding/gradable-problem.ts";
import { gradeSolution } from "../graders/coding/grade-solution.ts";
import { compileSolution } from "../graders/sandbox/compile.ts";
import { SandboxSession } from "../graders/sandbox/session.ts";
import { runHostBench } from "./host.ts";
import { mean, pct, r1, table } from "./stats.ts";
import { runPythonBench, type PythonBenchReport } from "./python.ts";
import { runVerdictProcess, type ProcessVerdict } from "./run-process.ts";

const SLUG = "bench-peak-sessions";
const ENTRY = "peakSessions";
const HIDDEN_TESTS = 50;
const CPUS = Math.max(1, os.availableParallelism());
const SCALE = Math.max(0.05, Number(process.env.BENCH_SCALE ?? "1") || 1);
const n = (x: number): number => Math.max(4, Math.round(x * SCALE));

const POOL_PER_ROUND = 4;
const COUNTS = {
  /** Concurrency-1 rounds: POOL_PER_ROUND pool grades + 1 process run + 1 empty process + 1 breakdown sample each. */
  rounds: n(40),
  oursConcurrent: n(400),
  baselineConcurrent: n(64),
};
const CONCURRENCY = 8;
/** Python isolates each worker keeps booted ahead (the server's default). */
const PYTHON_WARM = 1;
/** Concurrency-8 phase: alternating blocks of pool and process runs. */
const BLOCKS = 4;

// ---------------------------------------------------------------- problem

type Interval = [number, number];

/** Deterministic LCG so every run grades the same tests. */
function rng(seed: number): (lo: number, hi: number) => number {
  let s = seed >>> 0;
  return (lo, hi) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return lo + (s % (hi - lo + 1));
  };
}

/** Oracle independent of the reference: brute force over every start point (half-open intervals). */
function bruteForce(sessions: Interval[]): number {
  let best = 0;
  for (const [t] of sessions) {
    let c = 0;
    for (const [s, e] of sessions) if (s <= t && t < e) c++;
    best = Math.max(best, c);
  }
  return best;
}

function makeTests(): { examples: { args: unknown[]; expected: number; explanation?: string }[]; hidden: { args: unknown[]; expected: number }[] } {
  const examples = [
    { args: [[[1, 5], [2, 6], [5, 8]]], expected: 2, explanation: "At t=2 sessions [1,5) and [2,6) are open; [1,5) has ended when [5,8) starts." },
    { args: [[[0, 10]]], expected: 1 },
  ];
  const r = rng(2026);
  const hidden: { args: unknown[]; expected: number }[] = [{ args: [[]], expected: 0 }];
  for (let i = 1; i < HIDDEN_TESTS; i++) {
    const count = r(20, 200);
    const span = r(100, 5000);
    const sessions: Interval[] = [];
    for (let j = 0; j < count; j++) {
      const start = r(0, span);
      // Every third test is full of back-to-back sessions (end == next start).
      const end = i % 3 === 0 && j > 0 && r(0, 1) === 1 ? start + r(1, 30) : start + r(1, Math.max(2, span >> 3));
      sessions.push([start, end]);
    }
    if (i % 3 === 0) for (let j = 1; j < count; j += 2) sessions[j] = [(sessions[j - 1] as Interval)[1], (sessions[j - 1] as Interval)[1] + r(1, 20)];
    hidden.push({ args: [sessions], expected: bruteForce(sessions) });
  }
  return { examples, hidden };
}

const REFERENCE = `// Sweep line over start/end events; an end at t is processed before a start at t.
function peakSessions(sessions) {
  const events = [];
  for (const [start, end] of sessions) {
    events.push(start * 2 + 1, end * 2);
  }
  events.sort((a, b) => a - b);
  let open = 0, best = 0;
  for (const e of events) {
    if (e & 1) { open++; if (open > best) best = open; } else open--;
  }
  return best;
}
`;

const TWO_POINTERS = `// Sorted starts and ends, two pointers.
const peakSessions = (sessions) => {
  const starts = sessions.map((s) => s[0]).sort((a, b) => a - b);
  const ends = sessions.map((s) => s[1]).sort((a, b) => a - b);
  let i = 0, j = 0, open = 0, best = 0;
  while (i < starts.length) {
    if (starts[i] < ends[j]) { open++; i++; best = Math.max(best, open); }
    else { open--; j++; }
  }
  return best;
};
`;

const WRONG_INCLUSIVE = `// Treats a session ending at t as still open at t: counts back-to-back sessions as overlapping.
function peakSessions(sessions) {
  const events = [];
  for (const [start, end] of sessions) events.push([start, 1], [end, -1]);
  events.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let open = 0, best = 0;
  for (const [, d] of events) { open += d; best = Math.max(best, open); }
  return best;
}
`;

const WRONG_EMPTY = `// Initialises from the first session: throws on an empty list.
function peakSessions(sessions) {
  const sorted = [...sessions].sort((a, b) => a[0] - b[0]);
  let best = sorted[0][1] > sorted[0][0] ? 1 : 0;
  const ends = [];
  for (const [start, end] of sorted) {
    while (ends.length && ends[0] <= start) ends.shift();
    let k = ends.length;
    while (k > 0 && ends[k - 1] > end) k--;
    ends.splice(k, 0, end);
    best = Math.max(best, ends.length);
  }
  return best;
}
`;

function writeProblem(root: string): { casesFile: string; cases: number } {
  const dir = path.join(root, "coding", SLUG);
  mkdirSync(path.join(dir, "wrong"), { recursive: true });
  const { examples, hidden } = makeTests();
  const meta = {
    slug: SLUG,
    title: "Peak concurrent sessions (benchmark)",
    difficulty: "easy",
    topics: ["intervals", "sweep-line"],
    entry: ENTRY,
    params: [{ name: "sessions", type: "[number, number][]" }],
    returns: "number",
    limits: { cpuMs: 2000 },
    checker: { kind: "exact" },
    wrong: [
      { file: "wrong/inclusive-end.js", verdict: "wrong_answer", why: "counts a session ending at t as open at t" },
      { file: "wrong/empty-input.js", verdict: "runtime_error", why: "reads sessions[0] of an empty list" },
    ],
  };
  writeFileSync(path.join(dir, "problem.json"), JSON.stringify(meta, null, 2));
  writeFileSync(
    path.join(dir, "statement.md"),
    "# Peak concurrent sessions\n\nEach session is a half-open interval `[start, end)` of integer seconds. Return the largest number of sessions open at the same instant (0 for no sessions).\n\nUp to 200 sessions; 0 ≤ start < end ≤ 10^4.\n\nExample: `[[1,5],[2,6],[5,8]]` → `2`.\n",
  );
  writeFileSync(path.join(dir, "examples.json"), JSON.stringify(examples, null, 2));
  writeFileSync(path.join(dir, "tests.json"), JSON.stringify(hidden));
  writeFileSync(path.join(dir, "reference.js"), REFERENCE);
  writeFileSync(path.join(dir, "wrong", "inclusive-end.js"), WRONG_INCLUSIVE);
  writeFileSync(path.join(dir, "wrong", "empty-input.js"), WRONG_EMPTY);
  // The baseline runner gets the same cases, in the same order (examples first, as Submit does).
  const casesFile = path.join(root, "cases.json");
  writeFileSync(casesFile, JSON.stringify([...examples, ...hidden].map((t) => ({ args: t.args, expected: t.expected }))));
  return { casesFile, cases: examples.length + hidden.length };
}

// ---------------------------------------------------------------- submissions

interface Submission {
  code: string;
  expected: "accepted" | "wrong_answer" | "runtime_error";
}

/** 3/4 accepted (two styles), 1/8 wrong answer, 1/8 runtime error; each source unique. */
function submission(i: number): Submission {
  const kind = i % 8;
  const [code, expected]: [string, Submission["expected"]] =
    kind === 3 ? [WRONG_INCLUSIVE, "wrong_answer"] : kind === 7 ? [WRONG_EMPTY, "runtime_error"] : kind % 2 === 0 ? [REFERENCE, "accepted"] : [TWO_POINTERS, "accepted"];
  return { code: `// bench submission ${i} ${process.pid}\n${code}`, expected };
}

// ---------------------------------------------------------------- baseline runner

const RUNNER = `"use strict";
// One process per submission: load the solution, run every case, compare, print a verdict.
const fs = require("node:fs");
const [solutionFile, casesFile, entry] = process.argv.slice(2);
const code = fs.readFileSync(solutionFile, "utf8");
const cases = JSON.parse(fs.readFileSync(casesFile, "utf8"));
const equal = (a, b) => {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && equal(a[k], b[k]));
};
let fn;
try {
  fn = new Function(code + "\\n;return " + entry + ";")();
} catch (e) {
  process.stdout.write(JSON.stringify({ verdict: "compile_error", passed: 0, total: cases.length }));
  process.exit(0);
}
let verdict = "accepted", passed = 0;
for (const c of cases) {
  let ok, v;
  try {
    const actual = JSON.parse(JSON.stringify(fn(...JSON.parse(JSON.stringify(c.args))) ?? null));
    v = equal(actual, c.expected) ? "accepted" : "wrong_answer";
  } catch {
    v = "runtime_error";
  }
  if (v === "accepted") passed++;
  else if (verdict === "accepted") verdict = v;
}
process.stdout.write(JSON.stringify({ verdict, passed, total: cases.length }));
`;

function runBaseline(runner: string, solutionFile: string, casesFile: string): Promise<ProcessVerdict> {
  return runVerdictProcess(process.execPath, [runner, solutionFile, casesFile, ENTRY], 10_000);
}

// ---------------------------------------------------------------- measurement

interface Phase {
  latencies: number[];
  wallMs: number;
  count: number;
  concurrency: number;
}

async function measure(count: number, concurrency: number, one: (i: number) => Promise<void>): Promise<Phase> {
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        const s = performance.now();
        await one(i);
        latencies.push(performance.now() - s);
      }
    }),
  );
  return { latencies, wallMs: performance.now() - t0, count, concurrency };
}

const perSecond = (p: Phase): number => p.count / (p.wallMs / 1000);

const mismatches: string[] = [];
function expectVerdict(what: string, i: number, want: string, got: { verdict: string; passed: number; total: number }, cases: number): void {
  const okTotal = got.total === cases;
  const okPassed = want !== "accepted" || got.passed === cases;
  if (got.verdict !== want || !okTotal || !okPassed) {
    mismatches.push(`${what} #${i}: expected ${want}${want === "accepted" ? ` ${cases}/${cases}` : ` (of ${cases})`}, got ${got.verdict} ${got.passed}/${got.total}`);
  }
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const started = performance.now();
  const log = (s: string): void => void process.stderr.write(`${s}\n`);
  const tmp = mkdtempSync(path.join(os.tmpdir(), "prodloop-bench-"));
  try {
    await run(tmp, started, log);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function run(tmp: string, started: number, log: (s: string) => void): Promise<void> {
  const problemsRoot = path.join(tmp, "problems");
  const { casesFile, cases } = writeProblem(problemsRoot);
  const runner = path.join(tmp, "runner.cjs");
  writeFileSync(runner, RUNNER);
  const emptyScript = path.join(tmp, "empty.cjs");
  writeFileSync(emptyScript, 'process.stdout.write(\'{"verdict":"accepted","passed":0,"total":0}\');\n');
  // Baseline solution files are written before timing (as Judge0 writes the source file before it starts the run).
  const solDir = path.join(tmp, "solutions");
  mkdirSync(solDir);
  const solFile = (tag: string, i: number, s: Submission): string => {
    const f = path.join(solDir, `${tag}-${i}.js`);
    writeFileSync(f, s.code);
    return f;
  };
  log(`problem: generated "${SLUG}" in ${problemsRoot} (2 examples + ${HIDDEN_TESTS} hidden tests = ${cases} cases per submission)`);
  log(`node ${process.version}, ${CPUS} CPUs, pool workers ${CPUS}, load average ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}`);

  const ours1: Phase = { latencies: [], wallMs: 0, count: 0, concurrency: 1 };
  const base1: Phase = { latencies: [], wallMs: 0, count: 0, concurrency: 1 };
  const emptyLatencies: number[] = [];
  const workerCpuMs: number[] = [];
  let resultBytes = 0;
  const ours8: Phase = { latencies: [], wallMs: 0, count: 0, concurrency: CONCURRENCY };
  const base8: Phase = { latencies: [], wallMs: 0, count: 0, concurrency: CONCURRENCY };
  let readyMs: number;
  let warmFirstMs: number;
  const loadAvg: number[] = [os.loadavg()[0] as number];
  const bd = new BreakdownProbe(problemsRoot, cases);
  await bd.init();

  const pool = new WorkerPool({
    workers: CPUS,
    maxQueue: 100_000,
    retryAfterSeconds: 1,
    problemsRoot,
    workerScript: path.join(import.meta.dirname, "..", "graders", "jobs", "worker.ts"),
    pythonWarm: PYTHON_WARM,
  });
  let py: PythonBenchReport;
  try {
    const tReady = performance.now();
    await pool.whenReady(60_000);
    readyMs = performance.now() - tReady;
    // Warm-up: one job per worker at once (each loads the problem and starts esbuild), then a few rounds more.
    const tWarm = performance.now();
    await Promise.all(
      Array.from({ length: CPUS }, async (_, w) => {
        const s = submission(1_000_000 + w * 8);
        expectVerdict("warm-up", w, s.expected, await pool.grade({ slug: SLUG, lang: "js", code: s.code, mode: "submit" }), cases);
      }),
    );
    warmFirstMs = performance.now() - tWarm;
    await measure(CPUS * 10, CPUS, async (i) => {
      const s = submission(2_000_000 + i);
      expectVerdict("warm-up", i, s.expected, await pool.grade({ slug: SLUG, lang: "js", code: s.code, mode: "submit" }), cases);
    });
    for (let i = 0; i < 3; i++) {
      await runBaseline(runner, solFile("warm", i, submission(i)), casesFile);
      await bd.sample(-1);
    }
    log(`pool: workers ready in ${r1(readyMs)} ms; first grade on each worker (problem load) ${r1(warmFirstMs)} ms`);

    // Concurrency 1, interleaved in rounds so both models (and the in-process
    // breakdown and an empty Node process) see the same background load:
    // each round = POOL_PER_ROUND pool grades, one process-per-submission run,
    // one empty process, one breakdown sample.
    for (let round = 0; round < COUNTS.rounds; round++) {
      for (let k = 0; k < POOL_PER_ROUND; k++) {
        const i = round * POOL_PER_ROUND + k;
        const s = submission(i);
        const t = performance.now();
        const r = await pool.grade({ slug: SLUG, lang: "js", code: s.code, mode: "submit" });
        ours1.latencies.push(performance.now() - t);
        workerCpuMs.push(r.cpuTimeMs);
        if (i === 0) resultBytes = JSON.stringify(r).length;
        expectVerdict("pool c=1", i, s.expected, r, cases);
      }
      const s = submission(round);
      const file = solFile("c1", round, s);
      let t = performance.now();
      const b = await runBaseline(runner, file, casesFile);
      base1.latencies.push(performance.now() - t);
      expectVerdict("process c=1", round, s.expected, b, cases);
      t = performance.now();
      await runBaseline(emptyScript, emptyScript, emptyScript);
      emptyLatencies.push(performance.now() - t);
      await bd.sample(round);
    }
    for (const p of [ours1, base1]) {
      p.count = p.latencies.length;
      p.wallMs = p.latencies.reduce((a, b) => a + b, 0);
    }
    log(`c=1: pool ${ours1.count} submissions p50 ${r1(pct(ours1.latencies, 50))} ms; process ${base1.count} p50 ${r1(pct(base1.latencies, 50))} ms`);
    loadAvg.push(os.loadavg()[0] as number);

    // Concurrency 8: alternating blocks of each model (same reason), throughput = submissions / summed block time.
    const files = Array.from({ length: COUNTS.baselineConcurrent }, (_, i) => {
      const s = submission(10_000 + i);
      return { s, file: solFile("c8", i, s) };
    });
    for (let block = 0; block < BLOCKS; block++) {
      const oursPer = Math.ceil(COUNTS.oursConcurrent / BLOCKS);
      const basePer = Math.ceil(COUNTS.baselineConcurrent / BLOCKS);
      const o = await measure(oursPer, CONCURRENCY, async (i) => {
        const k = block * oursPer + i;
        const s = submission(10_000 + k);
        expectVerdict("pool c=8", k, s.expected, await pool.grade({ slug: SLUG, lang: "js", code: s.code, mode: "submit" }), cases);
      });
      const p = await measure(basePer, CONCURRENCY, async (i) => {
        const k = (block * basePer + i) % files.length;
        const { s, file } = files[k] as { s: Submission; file: string };
        expectVerdict("process c=8", k, s.expected, await runBaseline(runner, file, casesFile), cases);
      });
      for (const [acc, x] of [[ours8, o], [base8, p]] as [Phase, Phase][]) {
        acc.latencies.push(...x.latencies);
        acc.wallMs += x.wallMs;
        acc.count += x.count;
      }
    }
    log(`c=${CONCURRENCY}: pool ${ours8.count} submissions ${r1(perSecond(ours8))}/s; process ${base8.count} ${r1(perSecond(base8))}/s`);
    loadAvg.push(os.loadavg()[0] as number);

    py = await runPythonBench({
      pool,
      pythonWarm: PYTHON_WARM,
      slug: SLUG,
      entry: ENTRY,
      limits: (await loadGradableProblem(SLUG, problemsRoot)).meta.limits,
      casesFile,
      cases,
      tmp,
      cpus: CPUS,
      scale: SCALE,
      log,
    });
  } finally {
    await pool.close();
  }
  // After the pool is closed, so the host figures are not taken beside busy grading workers.
  const hostBench = await runHostBench({ scale: SCALE, log });

  // ------------------------------------------------------------ report
  const p50 = pct(ours1.latencies, 50);
  const p95 = pct(ours1.latencies, 95);
  const bp50 = pct(base1.latencies, 50);
  const bp95 = pct(base1.latencies, 95);
  const speedup = bp50 / p50;
  const speedup8 = perSecond(ours8) / perSecond(base8);
  const rows: string[][] = [
    ["model", "concurrency", "submissions", "p50 ms", "p95 ms", "mean ms", "per second"],
    ...(
      [
        ["isolate pool (ours)", ours1],
        ["isolate pool (ours)", ours8],
        ["process per submission", base1],
        ["process per submission", base8],
      ] as [string, Phase][]
    ).map(([name, p]) => [name, String(p.concurrency), String(p.count), r1(pct(p.latencies, 50)).toFixed(1), r1(pct(p.latencies, 95)).toFixed(1), r1(mean(p.latencies)).toFixed(1), r1(perSecond(p)).toFixed(1)]),
  ];
  const b = bd.result();
  const out: string[] = [];
  out.push("");
  out.push(`Grading benchmark: problem "${SLUG}" generated for this run (not an existing folder): ${cases} cases per submission (2 examples + ${HIDDEN_TESTS} hidden tests, 20–200 intervals each), mode submit`);
  out.push(`${CPUS} CPUs, ${CPUS} pool workers, node ${process.version}, 1-min load average ${loadAvg.map((x) => x.toFixed(2)).join(" → ")}`);
  out.push("submissions: 3/4 accepted (two styles), 1/8 wrong_answer, 1/8 runtime_error; every source unique (no compile-cache hits); every verdict checked");
  out.push(`both models are measured interleaved (c=1: rounds of ${POOL_PER_ROUND} pool grades + 1 process run; c=${CONCURRENCY}: ${BLOCKS} alternating blocks) so they see the same background load`);
  out.push("");
  out.push(...table(rows));
  out.push("");
  out.push(`ours p50 at concurrency 1: ${r1(p50)} ms                         target ≤ 30 ms: ${p50 <= 30 ? "met" : "NOT met"}`);
  out.push(`speedup, process p50 / ours p50 at concurrency 1: ${r1(speedup).toFixed(1)}×   target ≥ 8: ${speedup >= 8 ? "met" : "NOT met"}`);
  out.push(`throughput at concurrency ${CONCURRENCY}: ours ${r1(perSecond(ours8))}/s, process ${r1(perSecond(base8))}/s (${r1(speedup8)}×)`);
  out.push(`an empty Node process (spawn → exit, no work) p50: ${r1(pct(emptyLatencies, 50))} ms, p95 ${r1(pct(emptyLatencies, 95))} ms`);
  out.push(`pool start: workers ready after ${r1(readyMs)} ms; first grade on each worker (loads the problem) ${r1(warmFirstMs)} ms`);
  out.push("");
  out.push(`Where one submission's time goes (medians of ${b.samples}, measured in this process with the same grader modules, interleaved with the rounds above):`);
  const bdRows: [string, number][] = [
    ["problem load, cold (read + validate files, once per worker)", b.loadColdMs],
    ["problem load, cached (folder stamp check, every grade)", b.loadWarmMs],
    ["compile (esbuild transform of a new source)", b.compileMs],
    ["new isolate + context + prelude", b.isolateMs],
    ["module compile + evaluate (start)", b.startMs],
    [`${cases} test calls (one async isolate call each)`, b.callsMs],
    ["  of which the isolate's CPU time", b.callsCpuMs],
    [`  the same ${cases} calls into \`return 0\` (harness only)`, b.harnessMs],
    ["    of which the isolate's CPU time", b.harnessCpuMs],
    ["dispose", b.disposeMs],
    ["gradeSolution, whole (the above minus load, plus checking)", b.gradeMs],
    ["pool round trip, p50 (gradeSolution + load + IPC + scheduling)", p50],
    ["  => IPC, result (de)serialisation, scheduling (difference)", p50 - b.gradeMs - b.loadWarmMs],
  ];
  const w0 = Math.max(...bdRows.map((r) => r[0].length));
  for (const [k, v] of bdRows) out.push(`  ${k.padEnd(w0)}  ${r1(v).toFixed(1).padStart(6)} ms`);
  out.push(`  worker-reported candidate CPU time p50 ${r1(pct(workerCpuMs, 50))} ms; result message to the pool ${Math.round(resultBytes / 1024)} KiB of JSON (all ${cases} inputs echoed back)`);
  out.push(...py.lines);
  out.push(...hostBench.lines);
  for (const f of hostBench.failures) mismatches.push(`host: ${f}`);
  out.push("");
  out.push(`total bench time ${r1((performance.now() - started) / 1000)} s`);
  if (mismatches.length) {
    out.push("");
    out.push(`VERDICT MISMATCHES (${mismatches.length}): the figures above are not valid`);
    for (const m of mismatches.slice(0, 20)) out.push(`  ${m}`);
  }
  const result = {
    problem: SLUG,
    problemSource: "generated",
    cases,
    hiddenTests: HIDDEN_TESTS,
    cpus: CPUS,
    workers: CPUS,
    concurrency: 1,
    throughputConcurrency: CONCURRENCY,
    p50Ms: r1(p50),
    p95Ms: r1(p95),
    perSecond: r1(perSecond(ours8)),
    baselineP50Ms: r1(bp50),
    baselineP95Ms: r1(bp95),
    baselinePerSecond: r1(perSecond(base8)),
    speedup: r1(speedup),
    throughputSpeedup: r1(speedup8),
    emptyProcessP50Ms: r1(pct(emptyLatencies, 50)),
    counts: { oursConcurrency1: ours1.count, oursConcurrency8: ours8.count, baselineConcurrency1: base1.count, baselineConcurrency8: base8.count },
    verdictMismatches: mismatches.length,
    targetsMet: { p50: p50 <= 30, speedup: speedup >= 8 },
    python: py.result,
    host: hostBench.result,
  };
  out.push(`RESULT ${JSON.stringify(result)}`);
  process.stdout.write(`${out.join("\n")}\n`);
  if (mismatches.length || py.mismatches.length) process.exitCode = 1;
}

/** Times the phases of grading one submission, in this process, with the grader's own modules. */
class BreakdownProbe {
  private readonly root: string;
  private readonly cases: number;
  private problem: GradableProblem | null = null;
  private loadColdMs = 0;
  private args: string[] = [];
  private readonly parts = { loadWarm: [] as number[], compile: [] as number[], isolate: [] as number[], start: [] as number[], calls: [] as number[], callsCpu: [] as number[], dispose: [] as number[], grade: [] as number[], harness: [] as number[], harnessCpu: [] as number[] };

  constructor(root: string, cases: number) {
    this.root = root;
    this.cases = cases;
  }

  async init(): Promise<void> {
    const t = performance.now();
    this.problem = await loadGradableProblem(SLUG, this.root);
    this.loadColdMs = performance.now() - t;
    this.args = [...this.problem.examples, ...this.problem.hidden].map((c) => JSON.stringify(c.args));
  }

  /** One sample; a negative round is a warm-up and is not recorded. */
  async sample(round: number): Promise<void> {
    const problem = this.problem as GradableProblem;
    const s = submission(500_000 + Math.max(0, round) * 8 + (round < 0 ? 4_000 : 0)); // accepted (i % 8 === 0)
    let t = performance.now();
    await loadGradableProblem(SLUG, this.root);
    const loadWarm = performance.now() - t;
    t = performance.now();
    const compiled = await compileSolution(`${s.code}// probe ${round}\n`, "js", ENTRY);
    const compile = performance.now() - t;
    if (!compiled.ok) throw new Error(`breakdown: compile failed: ${compiled.error.message}`);
    t = performance.now();
    const session = new SandboxSession(compiled.compiled, problem.meta.limits, ENTRY);
    const isolate = performance.now() - t;
    t = performance.now();
    const ready = await session.start();
    const start = performance.now() - t;
    if (ready.kind !== "ready") throw new Error(`breakdown: start failed: ${ready.kind}`);
    const cpu0 = session.cpuTimeMs();
    t = performance.now();
    for (const a of this.args) {
      const o = await session.call(a);
      if (o.kind !== "ok") throw new Error(`breakdown: call failed: ${o.kind}`);
    }
    const calls = performance.now() - t;
    const callsCpu = session.cpuTimeMs() - cpu0;
    t = performance.now();
    session.dispose();
    const dispose = performance.now() - t;
    // The same calls into a solution that does nothing: the harness's own cost per test
    // (argument JSON.parse, result serialisation, the async hop to the isolate's thread).
    const trivial = await compileSolution(`function ${ENTRY}(sessions) { return 0; } // probe ${round}\n`, "js", ENTRY);
    if (!trivial.ok) throw new Error("breakdown: trivial solution did not compile");
    const idle = new SandboxSession(trivial.compiled, problem.meta.limits, ENTRY);
    await idle.start();
    const idleCpu0 = idle.cpuTimeMs();
    t = performance.now();
    for (const a of this.args) await idle.call(a);
    const harness = performance.now() - t;
    const harnessCpu = idle.cpuTimeMs() - idleCpu0;
    idle.dispose();
    const s2 = submission(600_000 + Math.max(0, round) * 8 + (round < 0 ? 4_000 : 0));
    t = performance.now();
    const graded = await gradeSolution({ problem, lang: "js", code: s2.code, mode: "submit" });
    const grade = performance.now() - t;
    expectVerdict("breakdown", round, s2.expected, graded, this.cases);
    if (round < 0) return;
    const p = this.parts;
    p.loadWarm.push(loadWarm);
    p.compile.push(compile);
    p.isolate.push(isolate);
    p.start.push(start);
    p.calls.push(calls);
    p.callsCpu.push(callsCpu);
    p.dispose.push(dispose);
    p.harness.push(harness);
    p.harnessCpu.push(harnessCpu);
    p.grade.push(grade);
  }

  result(): { samples: number; loadColdMs: number; loadWarmMs: number; compileMs: number; isolateMs: number; startMs: number; callsMs: number; callsCpuMs: number; disposeMs: number; gradeMs: number; harnessMs: number; harnessCpuMs: number } {
    const p = this.parts;
    return {
      samples: p.grade.length,
      loadColdMs: this.loadColdMs,
      loadWarmMs: pct(p.loadWarm, 50),
      compileMs: pct(p.compile, 50),
      isolateMs: pct(p.isolate, 50),
      startMs: pct(p.start, 50),
      callsMs: pct(p.calls, 50),
      callsCpuMs: pct(p.callsCpu, 50),
      disposeMs: pct(p.dispose, 50),
      gradeMs: pct(p.grade, 50),
      harnessMs: pct(p.harness, 50),
      harnessCpuMs: pct(p.harnessCpu, 50),
    };
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});

/**
 * `prodloop host <slug> [--seed N] [--json]`: a shell on a troubleshooting
 * problem's simulated host, without the browser.
 *
 * On a terminal it is interactive (prompt, line editing and history from
 * readline; `check` as a line of its own judges the host, `exit` leaves).
 * A command that keeps running (tail -f, journalctl -f, top, vmstat 1)
 * streams in real time, one simulated second per second, until Ctrl-C (q for
 * top). Editors have no panel here: they explain the sed/tee way instead.
 * From a pipe it runs one command per line (a follow ends right after its
 * first output, as if Ctrl-C came at once); with --json it prints one JSON
 * object per command, { cmd, stdout, stderr, exitCode }, and after the last
 * one { solved, checks: [{ name, ok }] }.
 */
import { randomInt } from "node:crypto";
import readline from "node:readline";
import { judge, startScenario, type ScenarioRun } from "../../graders/host/scenarios/runtime.ts";
import { loginBanner } from "../../graders/troubleshooting/banner.ts";
import { loadTroubleshootingProblem, TroubleshootingNotFoundError } from "../../graders/troubleshooting/problem-files.ts";
import { parseArgs } from "../args.ts";
import { problemsRoot } from "../pool.ts";

const USAGE = "usage: prodloop host <slug> [--seed N] [--json]";

export async function runHost(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, { values: ["seed"], flags: ["json"] });
  if (typeof parsed === "string" || parsed.positional.length !== 1) {
    console.error(typeof parsed === "string" ? `${parsed}\n${USAGE}` : USAGE);
    return 2;
  }
  const slug = parsed.positional[0] as string;
  const seedText = parsed.values.seed;
  if (seedText !== undefined && !/^\d{1,9}$/.test(seedText)) {
    console.error(`--seed must be a whole number, not "${seedText}"`);
    return 2;
  }
  const seed = seedText === undefined ? randomInt(1, 2 ** 31 - 1) : Number(seedText);
  let scenarioSlug: string;
  try {
    scenarioSlug = loadTroubleshootingProblem(slug, problemsRoot()).meta.scenario;
  } catch (e) {
    console.error(e instanceof TroubleshootingNotFoundError ? `no troubleshooting problem "${slug}" under ${problemsRoot()}/troubleshooting` : (e as Error).message);
    return 2;
  }
  const run = startScenario(scenarioSlug, seed);
  if (process.stdin.isTTY && !parsed.flags.json) {
    // A pty without a size (script(1) on a pipe) reports 0: assume the classic 80x24.
    run.session.setTerminalColumns(process.stdout.columns || 80, process.stdout.rows || 24);
    return interactive(run, seed);
  }
  return piped(run, parsed.flags.json === true);
}

function verdictLines(run: ScenarioRun): string {
  const v = judge(run.scenario, run.session.host);
  return [v.solved ? "Solved." : "Not solved yet.", ...v.checks.map((c) => `  ${c.ok ? "✓" : "✗"} ${c.name}`)].join("\n");
}

async function piped(run: ScenarioRun, json: boolean): Promise<number> {
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    const r = await run.session.run(line);
    if (json) console.log(JSON.stringify({ cmd: line, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }));
    else {
      process.stdout.write(`${run.session.prompt()}${line}\n${r.stdout}`);
      process.stderr.write(r.stderr);
    }
  }
  const v = judge(run.scenario, run.session.host);
  console.log(json ? JSON.stringify(v) : verdictLines(run));
  return 0;
}

async function interactive(run: ScenarioRun, seed: number): Promise<number> {
  process.stdout.write(`${loginBanner(run.session.host)}(seed ${seed}; type \`check\` to judge the host, \`exit\` to leave)\n`);
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true, historySize: 1000 });
  // Ctrl-C at the prompt: bash prints ^C and a fresh prompt (during a follow, followLive takes it).
  const atPrompt = () => {
    process.stdout.write("^C\n");
    if (rl.line !== "") rl.write(null, { ctrl: true, name: "u" });
    rl.prompt();
  };
  rl.on("SIGINT", atPrompt);
  rl.setPrompt(run.session.prompt());
  rl.prompt();
  for await (const line of rl) {
    const cmd = line.trim();
    if (cmd === "exit" || cmd === "logout") break;
    if (cmd === "check") process.stdout.write(`${verdictLines(run)}\n`);
    else {
      const r = await run.session.run(line);
      process.stdout.write(r.stdout);
      process.stderr.write(r.stderr);
      if (r.follow) {
        rl.off("SIGINT", atPrompt);
        await followLive(run, rl, r.follow.keys);
        rl.on("SIGINT", atPrompt);
      }
    }
    rl.setPrompt(run.session.prompt());
    rl.prompt();
  }
  rl.close();
  process.stdout.write("logout\n");
  return 0;
}

/**
 * Stream a running command: a tick of one simulated second per real second,
 * until it ends by itself, Ctrl-C, or q for top. Keys are handled one at a
 * time after any tick in progress, so output stays in order.
 */
function followLive(run: ScenarioRun, rl: readline.Interface, keys: "interrupt" | "top"): Promise<void> {
  return new Promise((resolve) => {
    let chain: Promise<void> = Promise.resolve();
    let done = false;
    const step = (fn: () => Promise<{ stdout: string; stderr: string; done: boolean }>) => {
      chain = chain.then(async () => {
        if (done) return;
        const r = await fn();
        process.stdout.write(r.stdout);
        process.stderr.write(r.stderr);
        if (r.done) finish();
      });
    };
    const timer = setInterval(() => step(() => run.session.tick(1000)), 1000);
    const onInterrupt = () => step(() => run.session.interrupt());
    const onKey = (str: string | undefined) => {
      if (keys === "top" && str === "q") step(() => run.session.key("q"));
    };
    const finish = () => {
      done = true;
      clearInterval(timer);
      rl.off("SIGINT", onInterrupt);
      process.stdin.off("keypress", onKey);
      // Keys typed meanwhile are not a command line: drop them, as the programs never read them.
      if (rl.line !== "") rl.write(null, { ctrl: true, name: "u" });
      resolve();
    };
    rl.on("SIGINT", onInterrupt);
    process.stdin.on("keypress", onKey);
  });
}

/**
 * Services of the troubleshooting round. Each takes one options object with
 * the acting user, checks permission, and saves the host after every change
 * so that a reload or a server restart continues exactly where the
 * candidate was. Commands of one run are serialised (live-runs.ts); a save
 * that finds a newer version in the database (another process) is refused.
 */
import { randomInt } from "node:crypto";
import { z } from "zod";
import type { HostRun } from "../../generated/prisma/client.ts";
import { judge, startScenario, type ScenarioRun } from "../../graders/host/scenarios/runtime.ts";
import { completeLine, type Completion } from "../../graders/troubleshooting/complete.ts";
import { loadHints } from "../../graders/troubleshooting/problem-files.ts";
import { HOST_LIMITS } from "../../graders/limits.ts";
import { requireUserFor } from "../auth/permissions.ts";
import { getDb } from "../db/client.ts";
import { getEnv } from "../env.ts";
import { AppError } from "../errors.ts";
import { parseWith } from "../http/request.ts";
import { moduleLogger } from "../log.ts";
import type { SessionUser } from "../view-types.ts";
import { requireTroubleshooting } from "./catalog.ts";
import { toHostRunView, type CheckView, type HostRunView } from "./host-run-view.ts";
import { forget, liveRun, remember, saveRun, withRunLock } from "./live-runs.ts";
import { appendTranscript, boundOutput, parseTranscript } from "./transcript.ts";
import type { EditorView } from "../../graders/host/shell/editor/types.ts";
import type { FollowInfo } from "../../graders/host/shell/follow/types.ts";
import { markPolled } from "./follow-clock.ts";

const log = moduleLogger("troubleshoot");
const MAX_SEED = 2 ** 31 - 1;

async function newRun(userId: string, slug: string, seed: number): Promise<{ row: HostRun; run: ScenarioRun }> {
  const problem = requireTroubleshooting(slug);
  const run = startScenario(problem.meta.scenario, seed);
  const row = await getDb().hostRun.create({ data: { userId, problemSlug: slug, seed, stateJson: saveRun(run) } });
  remember(row.id, row.version, run);
  return { row, run };
}

async function ownedRun(user: SessionUser | null, runId: string): Promise<{ user: SessionUser; row: HostRun }> {
  const actor = requireUserFor(user, "host.use");
  const row = await getDb().hostRun.findUnique({ where: { id: runId } });
  if (!row || !row.active) throw new AppError("not_found", "No such host session (it may have been reset)");
  requireUserFor(actor, "host.use", { ownerId: row.userId });
  return { user: actor, row };
}

/** Runs `fn` on the caller's run, read once, after earlier commands on the same run have finished. */
export function withOwnedRun<T>(user: SessionUser | null, runId: string, fn: (actor: SessionUser, row: HostRun) => Promise<T>): Promise<T> {
  return withRunLock(runId, async () => {
    const { user: actor, row } = await ownedRun(user, runId);
    return fn(actor, row);
  });
}

/** Saves the host after a change; refuses when someone saved a newer version meanwhile. */
export async function persist(row: HostRun, run: ScenarioRun, data: Partial<Pick<HostRun, "transcriptJson" | "hintsShown" | "checks" | "lastCheckJson" | "solvedAt">>): Promise<HostRun> {
  const version = row.version + 1;
  const r = await getDb().hostRun.updateMany({ where: { id: row.id, version: row.version }, data: { ...data, stateJson: saveRun(run), version } });
  if (r.count !== 1) {
    forget(row.id);
    throw new AppError("conflict", "This host was changed from another tab or server; reload the page to continue");
  }
  remember(row.id, version, run);
  return { ...row, ...data, version } as HostRun;
}

export interface OpenHostRunOptions {
  user: SessionUser | null;
  slug: string;
}

/** The candidate's current host for a problem, created on first visit. */
export async function openHostRun(options: OpenHostRunOptions): Promise<HostRunView> {
  const user = requireUserFor(options.user, "host.use");
  const problem = requireTroubleshooting(options.slug);
  const existing = await getDb().hostRun.findFirst({ where: { userId: user.id, problemSlug: options.slug, active: true }, orderBy: { createdAt: "desc" } });
  if (existing) return toHostRunView(existing, liveRun(existing.id, existing.version, existing.stateJson), problem);
  const { row, run } = await newRun(user.id, options.slug, randomInt(1, MAX_SEED));
  log.info({ userId: user.id, slug: options.slug, runId: row.id, seed: row.seed }, "host run started");
  return toHostRunView(row, run, problem);
}

export const RunCommandSchema = z.object({
  /** Width of the candidate's terminal: tools that check isatty (ls) lay out columns for it. */
  columns: z.number({ error: "columns must be a number" }).int().min(20).max(500).optional(),
  /** Its height: full-screen tools (top) draw that many lines. */
  rows: z.number({ error: "rows must be a number" }).int().min(5).max(300).optional(),
  line: z
    .string({ error: "line must be a string" })
    .refine((s) => Buffer.byteLength(s) <= HOST_LIMITS.maxLineBytes, `at most ${HOST_LIMITS.maxLineBytes} bytes`)
    .refine((s) => !s.includes("\n"), "one line at a time"),
});

export interface RunHostCommandOptions {
  user: SessionUser | null;
  runId: string;
  line: string;
  columns?: number | undefined;
  rows?: number | undefined;
}

export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
  prompt: string;
  /** The command keeps running (tail -f, top ...): poll /follow, send Ctrl-C (or q) to /interrupt. */
  follow?: FollowInfo;
  /** The command opened an editor: show the panel; save and exit through /editor. */
  editor?: EditorView;
}

export async function runHostCommand(options: RunHostCommandOptions): Promise<CommandOutput> {
  const { line, columns, rows } = parseWith(RunCommandSchema, { line: options.line, columns: options.columns, rows: options.rows });
  return withOwnedRun(options.user, options.runId, async (_actor, row) => {
    const run = liveRun(row.id, row.version, row.stateJson);
    const prompt = run.session.prompt();
    run.session.setTerminalColumns(columns ?? null, rows ?? null);
    // The browser shows editors in a panel; the transcript records what they changed.
    run.session.setEditorPanel(true);
    let result;
    try {
      result = await withDeadline(run.session.run(line), HOST_LIMITS.commandWallMs);
    } catch (e) {
      forget(row.id);
      if (e instanceof DeadlineError) throw new AppError("unavailable", "That command took too long on the simulated host and was abandoned; the host is as it was before it");
      log.error({ err: e, runId: row.id, line }, "simulated shell failed");
      throw new AppError("internal", "The simulated shell failed on that command; the host is as it was before it");
    }
    const stdout = boundOutput(result.stdout);
    const stderr = boundOutput(result.stderr);
    const transcript = appendTranscript(parseTranscript(row.transcriptJson), {
      prompt,
      cmd: line,
      // A full-screen program leaves nothing on the normal screen once it exits.
      stdout: result.follow?.fullScreen ? "" : stdout,
      stderr,
      exitCode: result.exitCode,
      wallMs: Date.now() - row.createdAt.getTime(),
      simMs: run.session.host.now,
    });
    await persist(row, run, { transcriptJson: JSON.stringify(transcript) });
    if (result.follow) markPolled(row.id);
    return {
      stdout, stderr, exitCode: result.exitCode, prompt: run.session.prompt(),
      ...(result.follow ? { follow: result.follow } : {}),
      ...(result.editor ? { editor: result.editor } : {}),
    };
  });
}

class DeadlineError extends Error {}

async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new DeadlineError()), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

export const CompleteSchema = z.object({
  line: z.string().refine((s) => Buffer.byteLength(s) <= HOST_LIMITS.maxLineBytes, `at most ${HOST_LIMITS.maxLineBytes} bytes`),
  cursor: z.number().int().nonnegative(),
});

export async function completeHostLine(options: { user: SessionUser | null; runId: string; line: string; cursor: number }): Promise<Completion> {
  const input = parseWith(CompleteSchema, { line: options.line, cursor: options.cursor });
  const { row } = await ownedRun(options.user, options.runId);
  const run = liveRun(row.id, row.version, row.stateJson);
  return completeLine(run.session, input.line, input.cursor);
}

export async function checkHostSolution(options: { user: SessionUser | null; runId: string }): Promise<CheckView> {
  return withOwnedRun(options.user, options.runId, async (_actor, row) => {
    const run = liveRun(row.id, row.version, row.stateJson);
    const verdict = judge(run.scenario, run.session.host);
    await persist(row, run, {
      checks: row.checks + 1,
      lastCheckJson: JSON.stringify(verdict),
      ...(verdict.solved && !row.solvedAt ? { solvedAt: new Date() } : {}),
    });
    log.info({ runId: row.id, slug: row.problemSlug, solved: verdict.solved }, "host solution checked");
    return verdict;
  });
}

/** The next hint; each one shown is recorded. */
export async function revealHint(options: { user: SessionUser | null; runId: string }): Promise<{ hints: string[] }> {
  return withOwnedRun(options.user, options.runId, async (_actor, row) => {
    const hints = loadHints(row.problemSlug, getEnv().PROBLEMS_DIR, row.hintsShown + 1);
    if (hints.length > row.hintsShown) {
      // Hints do not touch the host, so its saved version (and the live copy) stay as they are.
      const r = await getDb().hostRun.updateMany({ where: { id: row.id, hintsShown: row.hintsShown }, data: { hintsShown: hints.length } });
      if (r.count !== 1) throw new AppError("conflict", "This host was changed from another tab; reload the page");
    }
    return { hints };
  });
}

export const ResetSchema = z.object({ sameSeed: z.boolean({ error: "sameSeed must be true or false" }) });

/** A fresh host (same seed or a new one); the old attempt stays stored, inactive. */
export async function resetHostRun(options: { user: SessionUser | null; runId: string; sameSeed: boolean }): Promise<HostRunView> {
  const { sameSeed } = parseWith(ResetSchema, { sameSeed: options.sameSeed });
  return withOwnedRun(options.user, options.runId, async (user, row) => {
    const problem = requireTroubleshooting(row.problemSlug);
    await getDb().hostRun.update({ where: { id: row.id }, data: { active: false } });
    forget(row.id);
    const fresh = await newRun(user.id, row.problemSlug, sameSeed ? row.seed : randomInt(1, MAX_SEED));
    return toHostRunView(fresh.row, fresh.run, problem);
  });
}

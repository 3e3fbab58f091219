/**
 * The parts of a host run that outlast one request: a command still running
 * in the foreground (tail -f, journalctl -f, top, vmstat N) that the page
 * polls and interrupts, and an editor open in the page's panel. Same pattern
 * as host-runs.ts: one options object, ownership checked, commands of a run
 * serialised, the host saved after every change; the transcript's last entry
 * grows with the follow's output and records edits.
 */
import { z } from "zod";
import { changedLines } from "../../graders/host/shell/editor/lines.ts";
import { AppError } from "../errors.ts";
import { parseWith } from "../http/request.ts";
import type { SessionUser } from "../view-types.ts";
import { elapsedSincePoll, forgetPolls } from "./follow-clock.ts";
import { persist, withOwnedRun } from "./host-runs.ts";
import { liveRun } from "./live-runs.ts";
import { boundOutput, extendLast, parseTranscript } from "./transcript.ts";

export interface FollowOutput {
  stdout: string;
  stderr: string;
  /** True once the command has ended; the page then shows `prompt`. */
  done: boolean;
  exitCode: number;
  prompt: string;
}

interface RunRef {
  user: SessionUser | null;
  runId: string;
}

/** What the running command printed since the last poll, the clock advanced by the real time between polls. */
export async function pollFollow(options: RunRef): Promise<FollowOutput> {
  return step(options, async (session, runId) => session.tick(elapsedSincePoll(runId)));
}

export const InterruptSchema = z.object({
  /** "ctrl-c" (default) ends any follow; "q" quits top and is ignored by the others. */
  key: z.enum(["ctrl-c", "q"], { error: 'key must be "ctrl-c" or "q"' }).optional(),
});

/** Ctrl-C (or q for top) while a command runs. */
export async function interruptFollow(options: RunRef & { key?: "ctrl-c" | "q" | undefined }): Promise<FollowOutput> {
  const { key } = parseWith(InterruptSchema, { key: options.key });
  return step(options, async (session) => (key === "q" ? session.key("q") : session.interrupt()));
}

async function step(options: RunRef, fn: (session: ReturnType<typeof liveRun>["session"], runId: string) => Promise<{ stdout: string; stderr: string; exitCode: number; done: boolean }>): Promise<FollowOutput> {
  return withOwnedRun(options.user, options.runId, async (_actor, row) => {
    const run = liveRun(row.id, row.version, row.stateJson);
    const fullScreen = run.session.following()?.fullScreen ?? false;
    const r = await fn(run.session, row.id);
    const stdout = boundOutput(r.stdout);
    const stderr = boundOutput(r.stderr);
    if (r.done) forgetPolls(row.id);
    // Nothing new and still running: no save. The live copy keeps the advanced clock and the next
    // save carries it; a restart meanwhile resumes from the last save, consistent in itself.
    if (stdout || stderr || r.done) {
      const transcript = extendLast(parseTranscript(row.transcriptJson), { stdout: fullScreen ? "" : stdout, stderr, ...(r.done ? { exitCode: r.exitCode } : {}) });
      await persist(row, run, { transcriptJson: JSON.stringify(transcript) });
    }
    return { stdout, stderr, done: r.done, exitCode: r.exitCode, prompt: run.session.prompt() };
  });
}

export const EditorActionSchema = z.discriminatedUnion(
  "action",
  [
    z.object({ action: z.literal("save"), content: z.string({ error: "content must be a string" }).max(1_000_000, "at most 1 MB") }),
    z.object({ action: z.literal("exit") }),
  ],
  { error: 'action must be "save" or "exit"' },
);
export type EditorAction = z.infer<typeof EditorActionSchema>;

export type EditorActionResult =
  | { action: "save"; ok: boolean; status: string }
  | { action: "exit"; stdout: string; stderr: string; exitCode: number; prompt: string };

/** Save writes through the simulated fs as whoever ran the editor; exit closes the panel and returns the prompt. */
export async function editorAction(options: RunRef & { body: unknown }): Promise<EditorActionResult> {
  const body = parseWith(EditorActionSchema, options.body);
  return withOwnedRun(options.user, options.runId, async (_actor, row) => {
    const run = liveRun(row.id, row.version, row.stateJson);
    const session = run.session;
    const open = session.state.editor;
    if (!open) throw new AppError("conflict", "No editor is open on this host (it was closed in another tab?)");
    if (body.action === "save") {
      const r = session.saveEditor(body.content);
      await persist(row, run, {});
      return { action: "save", ...r };
    }
    const before = open.content;
    const saved = open.saved;
    const r = session.exitEditor();
    const note = saved === null ? "(opened in the editor panel, not saved)\n" : `(edited in the editor panel: ${linesChanged(changedLines(before, saved))})\n`;
    const transcript = extendLast(parseTranscript(row.transcriptJson), { stdout: note + r.stdout, stderr: r.stderr, exitCode: r.exitCode });
    await persist(row, run, { transcriptJson: JSON.stringify(transcript) });
    return { action: "exit", stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, prompt: session.prompt() };
  });
}

const linesChanged = (n: number): string => `${n} line${n === 1 ? "" : "s"} changed`;

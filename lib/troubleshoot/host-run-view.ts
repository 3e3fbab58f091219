/** The browser's view of a host run: never the scenario's internals, the root cause only once solved. */
import type { HostRun } from "../../generated/prisma/client.ts";
import { loadDebrief, loadHints } from "../../graders/troubleshooting/problem-files.ts";
import { loginBanner } from "../../graders/troubleshooting/banner.ts";
import { HOST_LIMITS } from "../../graders/limits.ts";
import type { ScenarioRun } from "../../graders/host/scenarios/runtime.ts";
import type { EditorView } from "../../graders/host/shell/editor/types.ts";
import type { FollowInfo } from "../../graders/host/shell/follow/types.ts";
import { getEnv } from "../env.ts";
import { renderMarkdown } from "../problems/markdown.ts";
import type { TroubleshootingEntry } from "./catalog.ts";
import { parseTranscript, type TranscriptEntry } from "./transcript.ts";

export interface CheckView {
  solved: boolean;
  checks: { name: string; ok: boolean }[];
}

export interface HostRunView {
  id: string;
  slug: string;
  title: string;
  difficulty: "easy" | "medium" | "hard";
  topics: string[];
  statementHtml: string;
  timeboxMinutes: number;
  startedAt: string;
  seed: number;
  banner: string;
  prompt: string;
  history: string[];
  /** The last commands, replayed into the terminal after a reload. */
  replay: TranscriptEntry[];
  hints: string[];
  hintCount: number;
  checks: number;
  lastCheck: CheckView | null;
  solvedAt: string | null;
  /** A command still running in the foreground when the page loaded: the terminal resumes polling it. */
  follow: FollowInfo | null;
  /** An editor left open: the page reopens the panel. */
  editor: EditorView | null;
  debrief: { rootCauseHtml: string; idealPath: { cmd: string; why: string }[]; transcript: TranscriptEntry[] } | null;
}

export function toHostRunView(row: HostRun, run: ScenarioRun, problem: TroubleshootingEntry): HostRunView {
  const root = getEnv().PROBLEMS_DIR;
  const transcript = parseTranscript(row.transcriptJson);
  const hints = loadHints(row.problemSlug, root, row.hintsShown);
  const debrief = row.solvedAt
    ? (() => {
        const d = loadDebrief(row.problemSlug, root);
        return { rootCauseHtml: renderMarkdown(d.rootCauseMd), idealPath: d.idealPath, transcript };
      })()
    : null;
  return {
    id: row.id,
    slug: row.problemSlug,
    title: problem.meta.title,
    difficulty: problem.meta.difficulty,
    topics: problem.meta.topics,
    statementHtml: problem.statementHtml,
    timeboxMinutes: problem.meta.timeboxMinutes,
    startedAt: row.createdAt.toISOString(),
    seed: row.seed,
    banner: loginBanner(run.session.host),
    prompt: run.session.prompt(),
    history: run.session.state.history.slice(-500),
    replay: transcript.slice(-HOST_LIMITS.replayEntries),
    hints,
    hintCount: problem.meta.hintCount,
    checks: row.checks,
    lastCheck: row.lastCheckJson ? (JSON.parse(row.lastCheckJson) as CheckView) : null,
    solvedAt: row.solvedAt ? row.solvedAt.toISOString() : null,
    follow: run.session.following(),
    editor: run.session.editor(),
    debrief,
  };
}

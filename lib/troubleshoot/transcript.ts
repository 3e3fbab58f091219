/** The command transcript of a host run, as stored (HostRun.transcriptJson) and shown after solving. */
import { HOST_LIMITS } from "../../graders/limits.ts";

export interface TranscriptEntry {
  prompt: string;
  cmd: string;
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Real time since the run started, ms: the candidate's own pace. */
  wallMs: number;
  /** The simulated host's clock when the command ran (epoch ms). */
  simMs: number;
}

export function parseTranscript(json: string): TranscriptEntry[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? (v as TranscriptEntry[]) : [];
  } catch {
    return [];
  }
}

function cut(s: string, bytes: number): string {
  if (Buffer.byteLength(s) <= bytes) return s;
  return `${Buffer.from(s).subarray(0, bytes).toString("utf8").replace(/\uFFFD$/, "")}\n… (output cut)\n`;
}

export function appendTranscript(entries: TranscriptEntry[], entry: TranscriptEntry): TranscriptEntry[] {
  const stored = { ...entry, stdout: cut(entry.stdout, HOST_LIMITS.transcriptOutputBytes), stderr: cut(entry.stderr, HOST_LIMITS.transcriptOutputBytes) };
  const out = [...entries, stored];
  return out.length > HOST_LIMITS.transcriptEntries ? out.slice(out.length - HOST_LIMITS.transcriptEntries) : out;
}

/** Command output as the terminal receives it: bounded, with a visible note when cut. */
export function boundOutput(s: string): string {
  if (Buffer.byteLength(s) <= HOST_LIMITS.maxOutputBytes) return s;
  return `${Buffer.from(s).subarray(0, HOST_LIMITS.maxOutputBytes).toString("utf8").replace(/\uFFFD$/, "")}\n[prodloop: output cut at ${HOST_LIMITS.maxOutputBytes / 1024} KiB — pipe it through head, tail or grep]\n`;
}

const CUT_NOTE = "\n… (output cut)\n";

/**
 * More output of the last command (a follow's new lines, Ctrl-C, an editor's
 * note), and its final status once it has ended. Output past the stored
 * bound is dropped, the cut note stays last.
 */
export function extendLast(entries: TranscriptEntry[], more: { stdout?: string; stderr?: string; exitCode?: number }): TranscriptEntry[] {
  const last = entries[entries.length - 1];
  if (!last) return entries;
  const grow = (had: string, add: string | undefined): string => (!add || had.endsWith(CUT_NOTE) ? had : cut(had + add, HOST_LIMITS.transcriptOutputBytes));
  const updated: TranscriptEntry = { ...last, stdout: grow(last.stdout, more.stdout), stderr: grow(last.stderr, more.stderr), exitCode: more.exitCode ?? last.exitCode };
  return [...entries.slice(0, -1), updated];
}

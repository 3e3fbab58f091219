import type { Errno } from "../state/errors.ts";
import type { Cred } from "../state/fs.ts";
import type { Host } from "../state/host.ts";
import type { GlobWord } from "./arglist.ts";
import type { FollowSpec } from "./follow/types.ts";
import type { EditRequest } from "./editor/types.ts";

/**
 * What every command and the filesystem adapter share during one session:
 * the host and who is running the current command. `sudo` swaps `cred` and
 * `user` for the duration of its child command, then restores them.
 */
export interface Runtime {
  host: Host;
  cred: Cred;
  user: string;
  /** The pid of the login shell (`-bash`), parent of commands the candidate runs. */
  shellPid: number;
  /** True while a command run through sudo executes (for tools that print differently as root). */
  viaSudo: boolean;
  /** The last errno the fs adapter raised, so the shell can word a failed redirect as bash does. */
  lastFsError: Errno | null;
  /** The session's command history (the same array the session keeps), for the history builtin. */
  history?: string[];
  /** argv lists of each pipeline on the current line (see pipelines.ts). */
  pipelines?: string[][][];
  /** Words of the current line that bash glob-expands, and the command refused with E2BIG (see arglist.ts). */
  globWords?: GlobWord[];
  argListTooLong?: { command: string; word: string } | null;
  /** Terminal width when the session is attached to one; commands in `ttyWriters` write straight to it. */
  terminalColumns?: number | null;
  ttyWriters?: Set<string>;
  /** Set by `sudo -i`, `sudo su -`, `su`: the session opens this shell once the line finishes. */
  pendingShell?: { user: string; login: boolean; command: string[] } | null;
  /** Terminal height, for full-screen tools (top) and vmstat's repeated header. */
  terminalRows?: number | null;
  /** The command of this line that may keep running (shell/follow/slot.ts), and the follow it started. */
  followSlot?: string | null;
  /** The slot's output goes straight to the terminal (no later pipeline stage): full-screen tools may draw. */
  followToTerminal?: boolean;
  pendingFollow?: FollowSpec | null;
  /** The session can open the browser's editor panel; an editor command sets `pendingEdit` (shell/editor). */
  editorPanel?: boolean;
  pendingEdit?: EditRequest | null;
}

export async function withCred<T>(rt: Runtime, cred: Cred, user: string, fn: () => Promise<T>): Promise<T> {
  const saved = { cred: rt.cred, user: rt.user, viaSudo: rt.viaSudo };
  rt.cred = cred;
  rt.user = user;
  rt.viaSudo = true;
  try {
    return await fn();
  } finally {
    rt.cred = saved.cred;
    rt.user = saved.user;
    rt.viaSudo = saved.viaSudo;
  }
}

import { timedPipeline, timeReport } from "./time-keyword.ts";
import { SBIN_COMMANDS, SBIN_DISPATCH } from "../commands/sbin.ts";
import { Bash, defineCommand, type Command } from "just-bash";
import { Host } from "../state/host.ts";
import { randInt } from "../state/rng.ts";
import { credFor, userByName } from "../state/users.ts";
import { allCommands, JUST_BASH_BUILTINS, SHELL_BUILTIN_COMMANDS } from "../commands/registry.ts";
import { HostFs } from "./fs-adapter.ts";
import type { Runtime } from "./runtime.ts";
import { redirectErrors, toLoginShellErrors, toStrerror } from "./errors.ts";
import { isSysError } from "../state/errors.ts";
import { permits, ROOT, tryResolve } from "../state/fs.ts";
import { loginEnv, loginShell } from "./login.ts";
import { enterShell, leaveShell, type ShellFrame } from "./nested.ts";
import { linePipelines, terminalWriters } from "./pipelines.ts";
import { argListTooLongResult, globWords } from "./arglist.ts";
import { expandHistory } from "./history.ts";
import { complete, type Completion } from "./complete.ts";
import { withSeededRandom } from "./random.ts";
import { followInfo, type FollowInfo, type FollowState, type WatchFollow } from "./follow/types.ts";
import { watchFrame } from "./follow/watch.ts";
import { withCred } from "./runtime.ts";
import { followSlot } from "./follow/slot.ts";
import { advanceFollow, interruptFollow, keyFollow, SIGINT_STATUS, type FollowOutput } from "./follow/run.ts";
import { editorView, type EditorState, type EditorView } from "./editor/types.ts";
import { exitEditor, saveEditor, type SaveResult } from "./editor/save.ts";

/**
 * An interactive login shell on the simulated host. just-bash runs every
 * exec() with fresh variables and cwd, so the session carries them: before
 * each line it restores variables, `$?` and cwd; a hidden trailing command
 * records them again afterwards. The session itself is plain data
 * (`SessionState`) so it is saved and restored with the host.
 */

export interface SessionState {
  user: string;
  cwd: string;
  /** Shell variables; `exported` lists which of them are in the environment. */
  vars: Record<string, string>;
  exported: string[];
  lastExit: number;
  history: string[];
  shellPid: number;
  /** Outer shells waiting while `sudo -i` & co. run (see nested.ts). */
  stack?: ShellFrame[];
  /** Whether the current shell is a login shell (its `exit` says "logout"). */
  login?: boolean;
  /** The ssh login shell itself exited: the connection is closed. */
  ended?: boolean;
  /** A command still running in the foreground (tail -f, top ...), see follow/. */
  follow?: FollowState;
  /** An editor open in the browser's panel, see editor/. */
  editor?: EditorState;
}

export interface SessionOptions {
  terminal?: { columns: number; rows?: number };
  /** The client can show the editor panel (the browser); otherwise editors explain how to use sed/tee. */
  editorPanel?: boolean;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** The command keeps running: call tick() for more output, interrupt() or key() to end it. */
  follow?: FollowInfo;
  /** The command opened an editor: show the panel, then saveEditor()/exitEditor(). */
  editor?: EditorView;
}

/** Output of a running follow; `done` once it has ended (exitCode is then its status). */
export interface FollowResult extends RunResult {
  done: boolean;
}

/** Variables just-bash manages itself; restoring them would fight the interpreter. */
const MANAGED = new Set(["?", "PWD", "IFS", "OSTYPE", "MACHTYPE", "HOSTTYPE", "OPTIND", "SHELLOPTS", "BASHOPTS", "BASH_VERSION", "$", "!", "#", "@", "*", "-", "0", "_", "PPID", "UID", "EUID", "RANDOM", "LINENO", "SECONDS"]);

const CAPTURE = "__prodloop_session_capture";
const RC = "__prodloop_session_rc";

export class Session {
  readonly host: Host;
  state: SessionState;
  private readonly rt: Runtime;
  private readonly bash: Bash;
  private captured: { cwd: string; vars: Record<string, string>; exported: string[]; exit: number } | null = null;

  /**
   * `terminal.columns`: the session drives a terminal that wide (the browser's xterm, an interactive
   * CLI); tools that check isatty(1) then format for it. Without it output is formatted for a pipe.
   */
  constructor(host: Host, state?: SessionState, options: SessionOptions = {}) {
    this.host = host;
    const user = userByName(host.state, state?.user ?? "admin");
    if (!user) throw new Error(`no user ${state?.user ?? "admin"} on this host`);
    this.state = state ?? {
      user: user.name,
      cwd: user.home,
      // HOSTNAME is a bash shell variable, not exported: `env` does not list it, `echo $HOSTNAME` does.
      vars: { ...loginEnv(host, user.name, user.home), HOSTNAME: host.state.hostname },
      exported: Object.keys(loginEnv(host, user.name, user.home)),
      lastExit: 0,
      history: [],
      // A fresh login: sshd forks the session and starts `-bash`, so ps shows the candidate's shell.
      shellPid: loginShell(host, user).pid,
    };
    this.rt = {
      host, cred: credFor(host.state, user), user: user.name, shellPid: this.state.shellPid, viaSudo: false, lastFsError: null,
      terminalColumns: options.terminal?.columns ?? null, terminalRows: options.terminal?.rows ?? null, editorPanel: options.editorPanel ?? false,
    };
    const capture = defineCommand(CAPTURE, async (_args, ctx) => {
      const exit = Number(ctx.env.get("?") ?? "0");
      this.captured = {
        cwd: ctx.cwd,
        vars: Object.fromEntries([...ctx.env].filter(([k]) => !MANAGED.has(k))),
        exported: Object.keys(ctx.exportedEnv ?? {}),
        exit,
      };
      return { stdout: "", stderr: "", exitCode: exit };
    });
    const rc = defineCommand(RC, async (args) => ({ stdout: "", stderr: "", exitCode: Number(args[0] ?? 0) }));
    // /usr/sbin tools run by path or from root's $PATH land here (commands/sbin.ts).
    const sbin = defineCommand(SBIN_DISPATCH, async (args, ctx) => {
      const cmd = SBIN_COMMANDS.get(args[0] ?? "");
      return cmd ? cmd.run(args.slice(1), ctx, this.rt) : { stdout: "", stderr: "", exitCode: 127 };
    });
    const commands: Command[] = [capture, rc, sbin, ...allCommands(this.rt)];
    this.bash = new Bash({
      fs: new HostFs(this.rt, [CAPTURE, RC, SBIN_DISPATCH, ...SHELL_BUILTIN_COMMANDS].map((n) => `/usr/bin/${n}`)),
      cwd: this.state.cwd,
      commands: JUST_BASH_BUILTINS,
      customCommands: commands,
      processInfo: { pid: this.state.shellPid || 1000, ppid: 1, uid: user.uid, gid: user.gid },
      sleep: async (ms) => host.advance(ms),
      // The shell evaluates no JavaScript from what is typed (no node/js-exec commands are enabled), and
      // this layer monkey-patches process-wide globals (setTimeout, Function, ...) for the duration of each
      // exec: in the server that would leak into concurrent requests, and it costs ~0.4 ms per command.
      defenseInDepth: false,
    });
  }

  /** The terminal was resized, or a restored session is driven by a terminal again (null: output goes to a pipe). */
  setTerminalColumns(columns: number | null, rows: number | null = null): void {
    this.rt.terminalColumns = columns;
    this.rt.terminalRows = rows;
  }

  /** Whether the client shows the editor panel (the browser does; the CLI does not). */
  setEditorPanel(on: boolean): void {
    this.rt.editorPanel = on;
  }

  static restore(hostJson: string, session: SessionState, options: SessionOptions = {}): Session {
    return new Session(Host.restore(hostJson), session, options);
  }

  /** Tab completion for the line typed so far (see complete.ts). */
  complete(line: string): Completion {
    return complete(this.host, this.rt.cred, this.state.cwd, this.state.vars.PATH ?? "/usr/bin:/bin", line);
  }

  prompt(): string {
    const home = userByName(this.host.state, this.state.user)?.home ?? "/";
    const where = this.state.cwd === home ? "~" : this.state.cwd.startsWith(`${home}/`) ? `~${this.state.cwd.slice(home.length)}` : this.state.cwd;
    return `${this.state.user}@${this.host.state.hostname}:${where}${this.state.user === "root" ? "#" : "$"} `;
  }

  async run(line: string): Promise<RunResult> {
    const trimmed = line.trim();
    if (this.state.ended) return { stdout: "", stderr: "Connection closed.\n", exitCode: 255 };
    if (trimmed === "") return { stdout: "", stderr: "", exitCode: this.state.lastExit };
    // A client that sends a line while a follow or editor is open has abandoned them.
    if (this.state.follow) await this.interrupt();
    if (this.state.editor) this.exitEditor();
    // History expansion happens before anything else; bash shows the expanded line before running it.
    const expansion = expandHistory(line, this.state.history);
    if ("error" in expansion) return { stdout: "", stderr: expansion.error, exitCode: this.state.lastExit };
    const echo = expansion.expanded ? `${expansion.line}\n` : "";
    line = expansion.line;
    this.state.history.push(line);
    this.rt.history = this.state.history;
    // Typing and reading output take time on a real host too; background activity keeps going.
    this.host.advance(randInt(this.host.state, 2000, 6000));
    const timed = timedPipeline(line);
    const typed = line;
    if (timed !== null) line = timed;
    const startedMs = this.host.now;
    const startedWall = performance.now();
    const script = this.script(line);
    this.captured = null;
    this.rt.lastFsError = null;
    this.rt.pipelines = linePipelines(line);
    this.rt.globWords = globWords(line);
    this.rt.argListTooLong = null;
    this.rt.ttyWriters = this.rt.terminalColumns ? terminalWriters(line) : new Set();
    const slot = followSlot(line);
    this.rt.followSlot = slot?.name ?? null;
    this.rt.followToTerminal = slot !== null && slot.filter === null;
    this.rt.pendingFollow = null;
    this.rt.pendingEdit = null;
    const before = this.state.cwd;
    let result: RunResult;
    try {
      result = await withSeededRandom(this.host.state, () => this.bash.exec(script, { cwd: this.state.cwd, env: {}, replaceEnv: true }));
    } catch (e) {
      // just-bash lets an open(2) failure of a simple command's redirect escape; bash reports it and moves on.
      if (!isSysError(e)) throw e;
      this.state.lastExit = 1;
      return { stdout: "", stderr: `-bash: ${e.path}: ${e.text}\n`, exitCode: 1 };
    }
    let exitCode = this.captured ? (this.captured as { exit: number }).exit : result.exitCode;
    let stderr = toLoginShellErrors(redirectErrors(toStrerror(result.stderr), this.rt.lastFsError));
    if (timed !== null) stderr += timeReport(this.host.now - startedMs, performance.now() - startedWall);
    line = typed;
    const e2big = argListTooLongResult(this.rt, stderr, exitCode);
    if (e2big) ({ stderr, exitCode } = e2big);
    if (this.captured) {
      const c = this.captured as { cwd: string; vars: Record<string, string>; exported: string[] };
      this.state.cwd = c.cwd;
      this.state.vars = c.vars;
      this.state.exported = c.exported.filter((k) => !MANAGED.has(k));
    }
    const denied = this.state.cwd !== before ? this.unsearchable(this.state.cwd) : null;
    if (denied !== null) {
      // just-bash's cd only checks that the target is a directory; chdir(2) also needs search permission.
      const arg = /^\s*cd\s+(\S+)\s*$/.exec(line)?.[1] ?? this.state.cwd;
      this.state.cwd = before;
      this.state.vars.PWD = before;
      stderr += `-bash: cd: ${arg}: Permission denied\n`;
      exitCode = 1;
    }
    this.state.lastExit = exitCode;
    if (this.captured === null && /^(exit|logout)(\s+\d+)?\s*$/.test(line.trim())) stderr += this.leave();
    this.enterPending();
    const out: RunResult = { stdout: echo + result.stdout, stderr, exitCode };
    this.openPending(line, slot?.filter ?? null, out);
    return out;
  }

  /** A follow or editor a command of this line started (see follow/ and editor/). */
  private openPending(line: string, filter: string | null, out: RunResult): void {
    const spec = this.rt.pendingFollow;
    this.rt.pendingFollow = null;
    this.rt.followSlot = null;
    const edit = this.rt.pendingEdit;
    this.rt.pendingEdit = null;
    if (spec) {
      if (this.rt.terminalColumns) {
        this.state.follow = { spec, filter };
        out.follow = followInfo(spec);
      } else {
        // No terminal (a pipe, a script): the follow ends right after its first output, as if
        // Ctrl-C came at once, so a piped session never waits on it.
        const end = interruptFollow(this.rt, spec, false);
        out.stdout += end.stdout;
        out.exitCode = this.state.lastExit = end.exit ?? SIGINT_STATUS;
      }
    }
    if (edit) {
      this.state.editor = { ...edit, line, saved: null };
      out.editor = editorView(this.state.editor);
    }
  }

  /** The editor open in the panel, if any (a reloaded page reopens it). */
  editor(): EditorView | null {
    return this.state.editor ? editorView(this.state.editor) : null;
  }

  /** Save in the editor panel: written with the editing user's credentials (nano's messages on failure). */
  saveEditor(content: string): SaveResult {
    if (!this.state.editor) throw new Error("no editor is open");
    return saveEditor(this.host, this.state.editor, content);
  }

  /** Exit the editor: deferred targets (sudoedit, systemctl edit, crontab -e) are applied; the prompt returns. */
  exitEditor(): RunResult {
    const e = this.state.editor;
    if (!e) return { stdout: "", stderr: "", exitCode: this.state.lastExit };
    delete this.state.editor;
    const r = exitEditor(this.host, e);
    this.state.lastExit = r.exitCode;
    return r;
  }

  /** Whether a command is still running in the foreground. */
  following(): FollowInfo | null {
    return this.state.follow ? followInfo(this.state.follow.spec) : null;
  }

  /** Let `ms` of simulated time pass while the follow runs; its new output, through the pipeline's later stages. */
  async tick(ms: number): Promise<FollowResult> {
    const f = this.state.follow;
    if (!f) return { stdout: "", stderr: "", exitCode: this.state.lastExit, done: true };
    const o = advanceFollow(this.rt, f.spec, ms);
    if (o.rerun && f.spec.kind === "watch") o.stdout = await this.watchAgain(f.spec);
    return this.deliver(o, true);
  }

  /** watch's next screen: its command run again as whoever started watch. */
  private async watchAgain(spec: WatchFollow): Promise<string> {
    const exported = Object.fromEntries(this.state.exported.map((k) => [k, this.state.vars[k] ?? ""]));
    const run = () => this.bash.exec(spec.command, { cwd: this.state.cwd, env: exported, replaceEnv: true });
    const r = spec.cred.uid === this.rt.cred.uid ? await run() : await withCred(this.rt, spec.cred, spec.user, run);
    return watchFrame(spec, this.host.state.hostname, this.host.now, r.stdout + r.stderr, this.rt.terminalColumns ?? 80, this.rt.terminalRows ?? 24);
  }

  /** Ctrl-C: the terminal shows ^C, the command dies of SIGINT ($? = 130; top exits 0). */
  async interrupt(): Promise<FollowResult> {
    const f = this.state.follow;
    if (!f) return { stdout: "", stderr: "", exitCode: this.state.lastExit, done: true };
    return this.deliver(interruptFollow(this.rt, f.spec, true), false);
  }

  /** A key typed while following: `q` quits top; other keys are not read by the running program. */
  async key(key: string): Promise<FollowResult> {
    const f = this.state.follow;
    if (!f) return { stdout: "", stderr: "", exitCode: this.state.lastExit, done: true };
    if (key === "\x03") return this.interrupt();
    const r = keyFollow(f.spec, key);
    return r ? this.deliver(r, false) : { stdout: "", stderr: "", exitCode: this.state.lastExit, done: false };
  }

  private async deliver(o: FollowOutput, filtered: boolean): Promise<FollowResult> {
    const f = this.state.follow;
    let { stdout, stderr } = o;
    if (f?.filter && filtered && stdout) {
      // The later stages of the pipeline see each new chunk (see follow/slot.ts).
      const exported = Object.fromEntries(this.state.exported.map((k) => [k, this.state.vars[k] ?? ""]));
      const r = await this.bash.exec(f.filter, { cwd: this.state.cwd, env: exported, replaceEnv: true, stdin: stdout });
      stdout = r.stdout;
      stderr += r.stderr;
    }
    if (o.exit === null) return { stdout, stderr, exitCode: this.state.lastExit, done: false };
    delete this.state.follow;
    this.state.lastExit = o.exit;
    return { stdout, stderr, exitCode: o.exit, done: true };
  }

  /**
   * The line wrapped so that just-bash starts where the last line ended: variables (exported
   * ones through `export`, since exec() env is not marked exported), the previous $? through
   * a command that just exits with it (a subshell costs milliseconds), and a trailing command
   * that records cwd and variables afterwards. One statement per kind, as statements cost most.
   */
  private script(line: string): string {
    const exported = new Set(this.state.exported);
    const assign = (keys: string[]): string => keys.map((k) => `${k}=${quote(this.state.vars[k] ?? "")}`).join(" ");
    const keys = Object.keys(this.state.vars);
    const exportedKeys = keys.filter((k) => exported.has(k));
    const plainKeys = keys.filter((k) => !exported.has(k));
    let prelude = exportedKeys.length ? `export ${assign(exportedKeys)}\n` : "";
    if (plainKeys.length) prelude += `${assign(plainKeys)}\n`;
    return `${prelude}${RC} ${this.state.lastExit}\n${line}\n${CAPTURE}`;
  }

  /** `exit` in a nested shell returns to the outer one; in the ssh login shell it ends the session. */
  private leave(): string {
    // bash announces leaving: "logout" for a login shell, "exit" otherwise.
    const said = this.state.login === false ? "exit\n" : "logout\n";
    if (!leaveShell(this.host, this.state)) this.state.ended = true;
    this.syncIdentity();
    return said;
  }

  /** Open the shell a command of this line asked for (`sudo -i`, `su -`). */
  private enterPending(): void {
    const pending = this.rt.pendingShell;
    if (!pending) return;
    this.rt.pendingShell = null;
    const target = userByName(this.host.state, pending.user);
    if (!target) return;
    enterShell(this.host, this.state, target, pending.login, pending.command);
    this.syncIdentity();
  }

  /** Point the runtime at whoever the current shell runs as. */
  private syncIdentity(): void {
    const user = userByName(this.host.state, this.state.user);
    if (!user) throw new Error(`session user ${this.state.user} vanished from the host`);
    this.rt.cred = credFor(this.host.state, user);
    this.rt.user = user.name;
    this.rt.shellPid = this.state.shellPid;
  }

  /** The first directory on the way to `abs` the session's user may not search, if any. */
  private unsearchable(abs: string): string | null {
    let path = "";
    for (const part of ["", ...abs.split("/").filter(Boolean)]) {
      path = part === "" ? "/" : path === "/" ? `/${part}` : `${path}/${part}`;
      const dir = resolveDir(this.host, path);
      if (dir && !permits(dir, this.rt.cred, 1)) return path;
    }
    return null;
  }
}

function resolveDir(host: Host, path: string) {
  const found = tryResolve(host.state, ROOT, path);
  return found && found.inode.kind === "dir" ? found.inode : null;
}

function quote(v: string): string {
  return `'${v.replace(/'/g, "'\\''")}'`;
}


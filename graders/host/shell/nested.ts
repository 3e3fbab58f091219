import { exitProc, spawn } from "../state/procs.ts";
import type { Host } from "../state/host.ts";
import type { UserEntry } from "../state/types.ts";
import { loginEnv } from "./login.ts";

/**
 * Shells opened inside the login shell (`sudo -i`, `sudo -s`, `su -`): the
 * outer shell's state waits on a stack, the new shell is a real process
 * (under its sudo) so ps shows it, and `exit` returns to the outer one.
 */

export interface ShellFrame {
  user: string;
  cwd: string;
  vars: Record<string, string>;
  exported: string[];
  lastExit: number;
  shellPid: number;
  login: boolean;
}

export interface NestableState {
  user: string;
  cwd: string;
  vars: Record<string, string>;
  exported: string[];
  lastExit: number;
  shellPid: number;
  stack?: ShellFrame[];
  login?: boolean;
}

const LIMITS = { nofile: [1024, 524288] as [number, number], nproc: [7609, 7609] as [number, number] };

export function enterShell(host: Host, state: NestableState, target: UserEntry, login: boolean, command: string[]): void {
  (state.stack ??= []).push({
    user: state.user, cwd: state.cwd, vars: state.vars, exported: state.exported, lastExit: state.lastExit,
    shellPid: state.shellPid, login: state.login ?? true,
  });
  const base = { env: {}, nice: 0, rssGrowKbPerSec: 0, cpuShare: 0, limits: LIMITS, tty: "pts/0" };
  const sudo = spawn(host.state, {
    ...base, ppid: state.shellPid, uid: 0, gid: 0, comm: command[0] ?? "sudo", argv: command, exe: `/usr/bin/${command[0] ?? "sudo"}`,
    cwd: state.cwd, vszKb: 11_888, rssKb: 5_632, statFlags: "+",
  });
  const cwd = login ? target.home : state.cwd;
  const shell = spawn(host.state, {
    ...base, ppid: sudo.pid, uid: target.uid, gid: target.gid, comm: "bash", argv: [login ? "-bash" : "/bin/bash"], exe: "/usr/bin/bash",
    cwd, vszKb: 8_708, rssKb: 5_120, statFlags: "",
  });
  const env = loginEnv(host, target.name, target.home);
  state.user = target.name;
  state.cwd = cwd;
  // A login shell starts from a clean environment; `sudo -s` keeps the caller's, with the target's identity.
  state.vars = login ? { ...env, HOSTNAME: host.state.hostname } : { ...state.vars, HOME: target.home, USER: target.name, LOGNAME: target.name };
  state.exported = login ? Object.keys(env) : state.exported;
  state.shellPid = shell.pid;
  state.login = login;
  state.lastExit = 0;
}

/** Close the innermost nested shell; false when only the ssh login shell is left. */
export function leaveShell(host: Host, state: NestableState): boolean {
  const frame = state.stack?.pop();
  if (!frame) return false;
  const shell = host.state.procs[state.shellPid];
  const sudo = shell ? host.state.procs[shell.ppid] : undefined;
  if (shell) exitProc(host.state, shell);
  if (sudo) exitProc(host.state, sudo);
  state.user = frame.user;
  state.cwd = frame.cwd;
  state.vars = frame.vars;
  state.exported = frame.exported;
  state.shellPid = frame.shellPid;
  state.login = frame.login;
  return true;
}

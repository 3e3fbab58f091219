import * as fs from "../../state/fs.ts";
import { joinPath } from "../../state/paths.ts";
import type { Host } from "../../state/host.ts";
import { spawn, type SpawnSpec } from "../../state/procs.ts";
import type { Proc, UserEntry } from "../../state/types.ts";
import { credFor, userByName } from "../../state/users.ts";
import { programFor } from "../../programs/registry.ts";
import { loadedTables } from "./database.ts";
import { firesAt } from "./schedule.ts";

/**
 * Running a due job the way Debian's cron does (do_command.c): the daemon
 * forks a child that renames itself `/usr/sbin/CRON -f`, opens a PAM session
 * for the job's user, forks again; the grandchild logs `(user) CMD (...)`
 * and execs `/bin/sh -c CMD` as the user, in their home directory. dash
 * forks the command (it does not exec the last one), so a running job is
 * three processes: CRON -> sh -> the command. When the shell ends, CRON
 * reports output it could not mail and closes the session.
 *
 * What a command does is data: HostState.execs maps an executable's path to
 * a program (programs/jobs.ts). Commands not in the table (run-parts, test,
 * ...) finish at once without output; a path that does not exist or may not
 * be executed fails as dash reports it.
 */

/** Shell words that are not executables on $PATH. */
const BUILTINS = new Set(["cd", "test", "[", "true", "false", ":", "echo", "exit", "export", "set", "umask", "exec", "{", "}", "if", "then", "fi", "!"]);

function cronLog(host: Host, pid: number, message: string): void {
  host.log({ ident: "CRON", pid, unit: "cron.service", priority: 6, message });
}

/** The pid the kernel hands out next, and the one after it: cron's children are forked back to back. */
function spawnNext(host: Host, spec: SpawnSpec): Proc {
  const proc = spawn(host.state, spec);
  host.state.nextPid = proc.pid + 1;
  return proc;
}

type Resolution =
  | { kind: "exec"; path: string; argv: string[] }
  | { kind: "error"; word: string; text: "not found" | "Permission denied"; code: number }
  | { kind: "none" };

/** Which executable the shell ends up running for CMD, or how it fails. */
export function resolveCommand(host: Host, command: string, user: UserEntry, path: string): Resolution {
  const cred = credFor(host.state, user);
  const execs = host.state.execs ?? {};
  // `a || b` runs b only when a fails; the guards crontabs use (`test -x ... || ...`) succeed, so b does not run.
  const ran = command.split("||")[0] ?? "";
  for (const segment of ran.split(/&&|[;|&()]/)) {
    let words = segment.trim().split(/[ \t]+/).filter(Boolean);
    while (words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0] ?? "")) words = words.slice(1);
    if (words[0] === "exec" || words[0] === "nice" || words[0] === "ionice") words = words.slice(1);
    const first = words[0];
    if (!first || BUILTINS.has(first)) continue;
    // Redirections and quoting are beyond what this needs: the word is the file the shell execs.
    const candidates = first.includes("/") ? [first] : path.split(":").filter(Boolean).map((d) => `${d}/${first}`);
    for (const candidate of candidates) {
      const abs = joinPath(user.home, candidate);
      const found = fs.tryResolve(host.state, cred, abs);
      if (!found) continue;
      if (found.inode.kind === "dir" || !fs.permits(found.inode, cred, 1)) {
        return { kind: "error", word: first, text: "Permission denied", code: 126 };
      }
      const exec = execs[found.path] ?? execs[abs];
      if (exec) return { kind: "exec", path: found.path, argv: words };
      break;
    }
    if (first.includes("/") && !fs.tryResolve(host.state, cred, joinPath(user.home, first))) {
      return { kind: "error", word: first, text: "not found", code: 127 };
    }
  }
  return { kind: "none" };
}

/**
 * What the shell gets from a crontab command (do_command.c): `\%` becomes
 * `%`, and an unescaped `%` ends the command (the rest would be its stdin).
 * The CMD log line keeps the command as written.
 */
export function shellCommand(command: string): string {
  let out = "";
  for (let i = 0; i < command.length; i++) {
    const ch = command[i] as string;
    if (ch === "\\" && (command[i + 1] === "%" || command[i + 1] === "\\")) {
      out += command[++i];
      continue;
    }
    if (ch === "%") break;
    out += ch;
  }
  return out;
}

/** Start one job: CRON child, shell, and the command if it is a known program. */
export function startJob(host: Host, cron: Proc, userName: string, command: string, env: Record<string, string>): void {
  const user = userByName(host.state, userName);
  if (!user) return;
  const base = { env: {}, tty: null, nice: 0, rssGrowKbPerSec: 0, limits: cron.limits, unit: "cron.service" };
  const child = spawnNext(host, {
    ...base, ppid: cron.pid, uid: 0, gid: 0, comm: "cron", argv: ["/usr/sbin/CRON", "-f"], exe: "/usr/sbin/cron", cwd: "/",
    cpuShare: 0, vszKb: 8_748, rssKb: 3_112, program: "cron-session",
    params: { user: user.name, mailto: env.MAILTO ?? user.name },
  });
  cronLog(host, child.pid, `pam_unix(cron:session): session opened for user ${user.name}(uid=${user.uid}) by (uid=0)`);
  const jobEnv: Record<string, string> = {
    HOME: user.home, LOGNAME: user.name, PATH: "/usr/bin:/bin", SHELL: "/bin/sh", LANG: "C.UTF-8", ...env,
  };
  const shell = spawnNext(host, {
    ...base, ppid: child.pid, uid: user.uid, gid: user.gid, comm: "sh", argv: ["/bin/sh", "-c", shellCommand(command)], exe: "/usr/bin/dash",
    env: jobEnv, cwd: user.home, cpuShare: 0, vszKb: 2_576, rssKb: 924, statFlags: "s", program: "cron-shell",
  });
  cronLog(host, shell.pid, `(${user.name}) CMD (${command})`);
  const target = resolveCommand(host, shellCommand(command), user, jobEnv.PATH ?? "/usr/bin:/bin");
  if (target.kind === "error") {
    // dash writes "/bin/sh: 1: WORD: not found" to the job's output; CRON gets it on the pipe.
    child.params = { ...child.params, output: `/bin/sh: 1: ${target.word}: ${target.text}\n` };
    shell.params = { ...shell.params, exitCode: target.code };
  } else if (target.kind === "exec") startCommand(host, shell, target, base);
  // A job that is already over (run-parts on an empty directory, a failed exec) closes its session in the same second.
  programFor("cron-session").tick?.(host, child, host.now, host.now);
}

function startCommand(host: Host, shell: Proc, target: { path: string; argv: string[] }, base: Pick<SpawnSpec, "env" | "tty" | "nice" | "rssGrowKbPerSec" | "limits" | "unit">): void {
  const exec = host.state.execs?.[target.path];
  if (!exec) return;
  const params = exec.params ?? {};
  const proc = spawnNext(host, {
    ...base, ppid: shell.pid, uid: shell.uid, gid: shell.gid, comm: target.path.split("/").pop()?.slice(0, 15) ?? "job",
    argv: target.argv, exe: target.path,
    env: shell.env, cwd: shell.cwd, cpuShare: Number(params.cpuShare ?? 0.001), vszKb: Number(params.vszKb ?? 4_200), rssKb: Number(params.rssKb ?? 1_800),
    program: exec.program, params: { ...params },
  });
  programFor(exec.program).start?.(host, proc);
}

/** Every entry of every loaded table due in the minute starting at `minuteMs`. */
export function runDueJobs(host: Host, cron: Proc, minuteMs: number): void {
  for (const { tab, parsed } of loadedTables(host)) {
    for (const entry of parsed.entries) {
      if (entry.reboot || !firesAt(entry.schedule, minuteMs)) continue;
      const user = entry.user ?? tab.user;
      if (user) startJob(host, cron, user, entry.command, entry.env);
    }
  }
}

import { defineCommand, type Command, type CommandName, type ExecResult } from "just-bash";
import { isSysError } from "../state/errors.ts";
import type { Runtime } from "../shell/runtime.ts";
import type { HostCommand } from "./types.ts";
import { unsimulatedCommands } from "./unsimulated.ts";
import { hasVersionBanner, versionBanner } from "./version/index.ts";
import { hasHelp, helpText } from "./help/index.ts";
import { dash, less, mawk, more } from "./alias/index.ts";
import { cat } from "./cat/index.ts";
import { chmod } from "./chmod/index.ts";
import { chgrp, chown } from "./chown/index.ts";
import { crontab } from "./crontab/index.ts";
import { curl } from "./curl/index.ts";
import { date } from "./date/index.ts";
import { df } from "./df/index.ts";
import { dmesg } from "./dmesg/index.ts";
import { du } from "./du/index.ts";
import { env, printenv } from "./env/index.ts";
import { file } from "./file/index.ts";
import { find } from "./find/index.ts";
import { free } from "./free/index.ts";
import { groups } from "./groups/index.ts";
import { head } from "./head/index.ts";
import { history } from "./history/index.ts";
import { hostname } from "./hostname/index.ts";
import { id } from "./id/index.ts";
import { iostat } from "./iostat/index.ts";
import { ionice } from "./ionice/index.ts";
import { renice } from "./renice/index.ts";
import { ip } from "./ip/index.ts";
import { journalctl } from "./journalctl/index.ts";
import { kill } from "./kill/index.ts";
import { last } from "./last/index.ts";
import { ls } from "./ls/index.ts";
import { lsof } from "./lsof/index.ts";
import { certbot } from "./certbot/index.ts";
import { nginx } from "./nginx/index.ts";
import { sysctl } from "./sysctl/index.ts";
import { openssl } from "./openssl/index.ts";
import { python3 } from "./python3/index.ts";
import { registerSbin, SBIN_COMMANDS } from "./sbin.ts";
import { NET_COMMANDS } from "./net-commands.ts";
import { nano, sudoedit, vi, vim } from "./nano/index.ts";
import { pgrep, pidof, pkill } from "./pgrep/index.ts";
import { nproc } from "./nproc/index.ts";
import { ps } from "./ps/index.ts";
import { sort } from "./sort/index.ts";
import { ss } from "./ss/index.ts";
import { stat } from "./stat/index.ts";
import { su } from "./su/index.ts";
import { sudo } from "./sudo/index.ts";
import { systemctl } from "./systemctl/index.ts";
import { tail } from "./tail/index.ts";
import { TEXT_TOOLS, wrapTextTool } from "./textwrap/index.ts";
import { top } from "./top/index.ts";
import { touch } from "./touch/index.ts";
import { tr } from "./tr/index.ts";
import { truncate } from "./truncate/index.ts";
import { ulimit } from "./ulimit/index.ts";
import { uname } from "./uname/index.ts";
import { uptime } from "./uptime/index.ts";
import { vmstat } from "./vmstat/index.ts";
import { watch } from "./watch/index.ts";
import { w, who } from "./who/index.ts";
import { whoami } from "./whoami/index.ts";
import { SYSTEM_TOOLS } from "./system-tools.ts";

/**
 * Every command the simulated host provides itself, plus the just-bash
 * built-ins that stay enabled. Built-ins that no stock Debian 12 server has
 * (rg, jq, yq, sqlite3, tree, html-to-markdown, ...) are left out so that
 * `-bash: jq: command not found` is what a candidate sees, as on the real box.
 */
// /usr/sbin tools: reached through sudo's secure_path (see sbin.ts), not through admin's PATH.
registerSbin(nginx, sysctl);

export const HOST_COMMANDS: HostCommand[] = [
  ...TEXT_TOOLS.map(wrapTextTool), ...NET_COMMANDS, ...SYSTEM_TOOLS,cat, certbot, chgrp, chmod, chown, crontab, curl, dash, date, df, dmesg, du, env, file, find, free, groups, head, history, hostname, id, ionice, iostat, ip, journalctl, kill, last, less, ls, lsof, mawk, more, nano, nproc, openssl, pgrep, pidof, pkill, printenv, ps, python3, renice, sort, ss, stat, su, sudo, sudoedit, systemctl, tail, top, touch, tr, truncate, ulimit, uname, uptime, vi, vim, vmstat, w, watch, who, whoami];

export const JUST_BASH_BUILTINS: CommandName[] = [
  "echo", "cat", "printf", "ls", "mkdir", "rmdir", "touch", "rm", "cp", "mv", "ln", "chmod", "pwd", "readlink",
  "head", "tail", "wc", "stat", "grep", "fgrep", "egrep", "sed", "awk", "sort", "uniq", "comm", "cut", "paste",
  "tr", "rev", "nl", "fold", "expand", "unexpand", "strings", "split", "column", "join", "tee", "find",
  "basename", "dirname", "du", "env", "printenv", "alias", "unalias", "history", "xargs", "true", "false",
  "clear", "bash", "sh", "base64", "diff", "date", "sleep", "timeout", "seq", "expr", "md5sum", "sha1sum",
  "sha256sum", "file", "which", "tac", "od", "gzip", "gunzip", "zcat", "tar", "time",
];

/**
 * bash builtins that just-bash implements as commands: the shell must find
 * them on $PATH, but no file for them exists on a real system.
 */
export const SHELL_BUILTIN_COMMANDS = ["alias", "unalias", "history", "ulimit"];

/**
 * Wrap host commands for just-bash. A SysError escaping a command is a bug in
 * that command's error handling; it still becomes a one-line diagnostic in
 * the command's name rather than a stack trace in the candidate's terminal.
 */
/**
 * just-bash hands text output to the next command of a pipe by re-encoding it
 * one character at a time, which takes seconds for the megabytes `ls` or
 * `find` print over a huge directory. Plain ASCII is the same as its bytes,
 * so large ASCII output is passed on as bytes and skips that step.
 */
function asciiAsBytes(result: ExecResult): ExecResult {
  if (result.stdout.length < 65_536 || result.stdoutKind !== undefined || !/^[\x00-\x7f]*$/.test(result.stdout)) return result;
  return { ...result, stdoutKind: "bytes" };
}

export function allCommands(rt: Runtime): Command[] {
  const own = HOST_COMMANDS.map((cmd) =>
    defineCommand(cmd.name, async (args, ctx) => {
      const recorded = recordedAnswer(cmd.name, args);
      if (recorded !== null) return recorded;
      try {
        return asciiAsBytes(await cmd.run(args, ctx, rt));
      } catch (e) {
        if (!isSysError(e)) throw e;
        return { stdout: "", stderr: `${cmd.name}: ${e.path}: ${e.text}\n`, exitCode: 1 };
      }
    }),
  );
  return [...own, ...sessionFreeCommands()];
}

/** `--version` and `--help` as recorded from Debian 12, answered before the command runs; null for everything else. */
function recordedAnswer(name: string, args: string[]): ExecResult | null {
  const banner = versionBanner(name, args);
  if (banner !== null) return { stdout: banner, stderr: "", exitCode: 0 };
  const help = helpText(name, args);
  return help === null ? null : { ...help };
}

let sessionFree: Command[] | null = null;

/**
 * Commands that need no session runtime, made once per process rather than
 * for every shell: just-bash built-ins (cp, mv, rm, ...) wrapped for their
 * recorded --version/--help, and the binaries the host ships but does not simulate.
 */
function sessionFreeCommands(): Command[] {
  if (sessionFree) return sessionFree;
  const own = new Set(HOST_COMMANDS.map((c) => c.name));
  const known = new Set<string>([...own, ...JUST_BASH_BUILTINS, ...SHELL_BUILTIN_COMMANDS, ...SBIN_COMMANDS.keys()]);
  const builtins = JUST_BASH_BUILTINS.filter((n) => (hasVersionBanner(n) || hasHelp(n)) && !own.has(n)).map((name) =>
    defineCommand(name, async (args, ctx) => {
      const recorded = recordedAnswer(name, args);
      if (recorded !== null) return recorded;
      if (!ctx.origCommand) throw new Error(`${name} needs just-bash's ${name} underneath`);
      return ctx.origCommand(args);
    }),
  );
  sessionFree = [...builtins, ...unsimulatedCommands(known)];
  return sessionFree;
}

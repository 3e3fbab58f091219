import { latin1FromBytes, type ExecResult } from "just-bash";
import * as fs from "../../state/fs.ts";
import { isSysError } from "../../state/errors.ts";
import { joinPath } from "../../state/paths.ts";
import { userByName } from "../../state/users.ts";
import { installCrontab, readCrontab } from "../../shell/editor/crontab-install.ts";
import { crontabErrors } from "../../services/cron/check.ts";
import { fail, ok, type HostCommand } from "../types.ts";
import { crontabEdit } from "./edit.ts";

/**
 * crontab(1) from Debian's cron 3.0pl1: -l, -r [-i], -e, and `crontab FILE`
 * / `crontab -` to replace the table after cron's own syntax check. -u needs
 * root ("must be privileged to use -u", even for one's own name). Tables live
 * in /var/spool/cron/crontabs/USER, 0600, owned by the user, group crontab.
 */

const USAGE =
  "usage:\tcrontab [-u user] file\n" +
  "\tcrontab [ -u user ] [ -i ] { -e | -l | -r }\n" +
  "\t\t(default operation is replace, per 1003.2)\n" +
  "\t-e\t(edit user's crontab)\n" +
  "\t-l\t(list user's crontab)\n" +
  "\t-r\t(delete user's crontab)\n" +
  "\t-i\t(prompt before deleting user's crontab)\n";

const usage = (msg: string, prefix = ""): ExecResult => fail(`${prefix}crontab: usage error: ${msg}\n${USAGE}`);

type Op = "list" | "delete" | "edit" | "replace";

export const crontab: HostCommand = {
  name: "crontab",
  async run(args, ctx, rt) {
    let op: Op | null = null;
    let user: string | null = null;
    let prompt = false;
    const rest: string[] = [];
    const setOp = (next: Op): ExecResult | null => {
      if (op !== null) return usage("only one operation permitted");
      op = next;
      return null;
    };
    // getopt("u:lerix"), stopping at the first operand as Debian's does.
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (rest.length || a === "-" || !a.startsWith("-")) {
        rest.push(a);
        continue;
      }
      if (a === "--") {
        rest.push(...args.slice(i + 1));
        break;
      }
      for (let j = 1; j < a.length; j++) {
        const c = a[j] as string;
        if (c === "u") {
          const value = a.slice(j + 1) || args[++i];
          if (value === undefined) return usage("unrecognized option", "crontab: option requires an argument -- 'u'\n");
          if (rt.cred.uid !== 0) return fail("must be privileged to use -u\n");
          if (!userByName(rt.host.state, value)) return fail(`crontab: user \`${value}' unknown\n`);
          user = value;
          break;
        }
        const err = c === "l" ? setOp("list") : c === "r" ? setOp("delete") : c === "e" ? setOp("edit") : c === "i" ? ((prompt = true), null) : usage("unrecognized option", `crontab: invalid option -- '${c}'\n`);
        if (err) return err;
      }
    }
    const who = user ?? rt.user;
    const chosen = op as Op | null;
    if (chosen !== null && chosen !== "replace" && rest.length) return usage("no arguments permitted after this option");
    if (chosen === null) {
      if (rest.length !== 1) return usage("file name must be specified for replace");
      return replace(rt, who, joinPath(ctx.cwd, rest[0] as string), rest[0] as string, latin1FromBytes(ctx.stdin));
    }
    if (chosen === "edit") return crontabEdit(rt, who, ctx.env);
    const current = readCrontab(rt.host, who);
    if (current === null) return fail(`no crontab for ${who}\n`);
    if (chosen === "list") return ok(current);
    if (prompt) {
      const answer = latin1FromBytes(ctx.stdin).trimStart()[0] ?? "";
      const question = `crontab: really delete ${who}'s crontab? (y/n) `;
      if (answer !== "y" && answer !== "Y") return { stdout: "", stderr: question, exitCode: 0 };
      fs.unlink(rt.host.state, fs.ROOT, `/var/spool/cron/crontabs/${who}`);
      return { stdout: "", stderr: question, exitCode: 0 };
    }
    fs.unlink(rt.host.state, fs.ROOT, `/var/spool/cron/crontabs/${who}`);
    touchSpool(rt.host);
    return ok("");
  },
};

/** The spool directory's mtime is what tells cron to reread user tables. */
function touchSpool(host: Parameters<typeof installCrontab>[0]): void {
  const spool = fs.tryResolve(host.state, fs.ROOT, "/var/spool/cron/crontabs");
  if (spool) spool.inode.mtimeMs = host.now;
}

/** `crontab FILE` / `crontab -`: read it as the caller, check it as cron would, install it. */
function replace(rt: Parameters<HostCommand["run"]>[2], who: string, abs: string, file: string, stdin: string | undefined): ExecResult {
  let text: string;
  if (file === "-") text = stdin ?? "";
  else {
    try {
      const { inode } = fs.readFile(rt.host.state, rt.cred, abs);
      text = fs.readFileRange(inode, 0, 1_000_000);
    } catch (e) {
      if (!isSysError(e)) throw e;
      return fail(`${file}: ${e.text}\n`);
    }
  }
  const errors = crontabErrors(text, file);
  if (errors) return fail(errors);
  installCrontab(rt.host, who, text);
  return ok("");
}

import { credFor, userByName } from "../../state/users.ts";
import { ROOT } from "../../state/fs.ts";
import * as fs from "../../state/fs.ts";
import { SBIN_COMMANDS } from "../sbin.ts";
import { withCred } from "../../shell/runtime.ts";
import { latin1FromBytes } from "just-bash";
import { fail, type HostCommand } from "../types.ts";
import { shellQuote } from "../format.ts";
import { sudoedit } from "../nano/index.ts";

/** `sudo -l`: the rules /etc/sudoers and cloud-init's drop-in give the caller, in sudo 1.9.13's layout. */
function listPrivileges(rt: Parameters<HostCommand["run"]>[2]): ReturnType<HostCommand["run"]> {
  const host = rt.host.state.hostname;
  const inSudo = (rt.host.state.groups.find((g) => g.name === "sudo")?.members ?? []).includes(rt.user);
  const rules = [...(rt.user === "root" || inSudo ? ["(ALL : ALL) ALL"] : []), ...(rt.user === "admin" ? ["(ALL) NOPASSWD: ALL"] : [])];
  if (rules.length === 0) return Promise.resolve(fail(`Sorry, user ${rt.user} may not run sudo on ${host}.\n`));
  return Promise.resolve({
    stdout: `Matching Defaults entries for ${rt.user} on ${host}:\n    env_reset, mail_badpass, secure_path=/usr/local/sbin\\:/usr/local/bin\\:/usr/sbin\\:/usr/bin\\:/sbin\\:/bin, use_pty\n\nUser ${rt.user} may run the following commands on ${host}:\n${rules.map((r) => `    ${r}\n`).join("")}`,
    stderr: "",
    exitCode: 0,
  });
}

/**
 * sudo with the NOPASSWD rule Debian cloud images give `admin`: `sudo CMD`,
 * `sudo -u USER CMD`. The child runs through the shell again (so `sudo sh -c
 * '...'` and redirect-free pipelines work) with the target's credentials.
 */
export const sudo: HostCommand = {
  name: "sudo",
  async run(args, ctx, rt) {
    let target = "root";
    let shell: "login" | "plain" | null = null;
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i]!;
      if (a === "-u" || a === "--user") target = args[++i] ?? "";
      else if (a.startsWith("-u") && a.length > 2) target = a.slice(2);
      else if (a === "-i" || a === "--login") shell = "login";
      else if (a === "-s" || a === "--shell") shell = "plain";
      else if (a === "-E" || a === "-H" || a === "-n") continue;
      else if (a === "-e" || a === "--edit") return sudoedit.run(args.slice(i + 1), ctx, rt);
      else if ((a === "-l" || a === "--list") && i === args.length - 1) return listPrivileges(rt);
      else if (a === "--") { i++; break; }
      else break;
    }
    const rest = args.slice(i);
    // `sudo su`, `sudo su -`, `sudo bash` with nothing to run: an interactive shell as the target.
    const su = rest[0] === "su" && rest.length <= 3 && rest.slice(1).every((a) => a === "-" || a === "-l" || a === "--login" || a === "root" || a === target);
    if (su) shell = rest.includes("-") || rest.includes("-l") || rest.includes("--login") ? "login" : "plain";
    if (shell && (rest.length === 0 || su)) {
      if (!userByName(rt.host.state, target)) return fail(`sudo: unknown user ${target}\nsudo: error initializing audit plugin sudoers_audit\n`);
      if (rt.cred.uid !== 0 && !(rt.host.state.groups.find((g) => g.name === "sudo")?.members ?? []).includes(rt.user)) {
        return fail(`${rt.user} is not in the sudoers file.  This incident will be reported.\n`);
      }
      rt.pendingShell = { user: target, login: shell === "login", command: ["sudo", ...args] };
      return { stdout: "", stderr: "", exitCode: 0 };
    }
    if (rest.length === 0) {
      return fail("usage: sudo -h | -K | -k | -V\nusage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]\nusage: sudo -l [-ABkNnS] [-g group] [-h host] [-p prompt] [-U user] [-u user] [command [arg ...]]\nusage: sudo [-ABbEHkNnPS] [-r role] [-t type] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] [VAR=value] [-i | -s] [<command>]\nusage: sudo -e [-ABkNnS] [-r role] [-t type] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] file ...\n");
    }
    const user = userByName(rt.host.state, target);
    if (!user) return fail(`sudo: unknown user ${target}\nsudo: error initializing audit plugin sudoers_audit\n`);
    const sudoers = rt.host.state.groups.find((g) => g.name === "sudo")?.members ?? [];
    if (rt.cred.uid !== 0 && !sudoers.includes(rt.user)) {
      return fail(`${rt.user} is not in the sudoers file.  This incident will be reported.\n`);
    }
    const cred = user.uid === 0 ? ROOT : credFor(rt.host.state, user);
    if (!ctx.exec) throw new Error("sudo needs a shell to run its command");
    const exec = ctx.exec;
    const cmdName = rest[0]!;
    // secure_path reaches /usr/sbin: sudo execs those binaries itself (nginx), no shell in between.
    const sbin = SBIN_COMMANDS.get(cmdName.replace(/^\/usr\/sbin\//, ""));
    if (sbin && fs.tryResolve(rt.host.state, ROOT, `/usr/sbin/${sbin.name}`)) {
      return withCred(rt, cred, user.name, () => sbin.run(rest.slice(1), ctx, rt));
    }
    const result = await withCred(rt, cred, user.name, () =>
      exec(rest.map(shellQuote).join(" "), { cwd: ctx.cwd, stdin: latin1FromBytes(ctx.stdin), stdinKind: "bytes", env: { HOME: user.home, USER: user.name, LOGNAME: user.name, SUDO_USER: rt.user } }),
    );
    // sudo resolves the command itself, so "not found" is sudo's message, not the shell's.
    if (result.exitCode === 127 && /command not found/.test(result.stderr)) {
      return fail(`sudo: ${cmdName}: command not found\n`, 1);
    }
    return result;
  },
};

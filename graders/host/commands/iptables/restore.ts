import { latin1FromBytes } from "just-bash";
import { readFileText } from "../../net/hosts-file.ts";
import { parseRulesFileAt } from "../../net/restore.ts";
import { fail, type HostCommand } from "../types.ts";

/**
 * iptables-restore v1.8.9 (nf_tables): loads a saved rule set (a file
 * argument or stdin) and replaces the filter table in one step; with -t it
 * only tests the file. A bad line rejects the whole file, as the real tool
 * commits nothing on error.
 */
export const iptablesRestore: HostCommand = {
  name: "iptables-restore",
  async run(args, ctx, rt) {
    let test = false;
    let file: string | null = null;
    for (const a of args) {
      if (a === "-t" || a === "--test") test = true;
      else if (a === "-n" || a === "--noflush" || a === "-c" || a === "--counters" || a === "-w" || a === "--wait") continue;
      else if (a.startsWith("-")) return fail(`iptables-restore v1.8.9 (nf_tables): unknown option "${a}"\n`, 1);
      else file = a;
    }
    // It asks the kernel for the ruleset generation before reading anything.
    if (rt.cred.uid !== 0) return fail("iptables-restore v1.8.9 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)\n", 1);
    let text: string;
    if (file !== null) {
      const abs = file.startsWith("/") ? file : `${ctx.cwd}/${file}`;
      const found = readFileText(rt.host, abs);
      if (found === null) return fail(`Can't open ${file}: No such file or directory\n`, 1);
      text = found;
    } else text = latin1FromBytes(ctx.stdin);
    const parsed = parseRulesFileAt(text);
    if ("line" in parsed) return fail(`iptables-restore v1.8.9 (nf_tables): line ${parsed.line} failed\n`, 1);
    if (!test) rt.host.state.net.firewall = parsed.fw;
    return { stdout: "", stderr: "", exitCode: 0 };
  },
};

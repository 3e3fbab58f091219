import { SysError } from "../../state/errors.ts";
import * as fs from "../../state/fs.ts";
import { fail, ok, type HostCommand } from "../types.ts";

/** crontab -l: the caller's (or, for root, -u USER's) table from /var/spool/cron/crontabs. */
export const crontab: HostCommand = {
  name: "crontab",
  async run(args, _ctx, rt) {
    const uIdx = args.indexOf("-u");
    const user = uIdx >= 0 ? (args[uIdx + 1] ?? "") : rt.user;
    if (uIdx >= 0 && rt.cred.uid !== 0 && user !== rt.user) return fail("must be privileged to use -u\n");
    if (!args.includes("-l")) return fail("crontab: editing needs a terminal editor; use `crontab -l` to read it\n");
    try {
      const { inode } = fs.readFile(rt.host.state, fs.ROOT, `/var/spool/cron/crontabs/${user}`);
      return ok(fs.readFileRange(inode, 0, 1_000_000));
    } catch (e) {
      if (!(e instanceof SysError)) throw e;
      return fail(`no crontab for ${user}\n`);
    }
  },
};

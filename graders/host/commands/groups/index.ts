import { credFor, groupName, userByName, userName } from "../../state/users.ts";
import { fail, ok, type HostCommand } from "../types.ts";

/** coreutils groups: the caller's groups, or "user : groups" for named users. */
export const groups: HostCommand = {
  name: "groups",
  async run(args, _ctx, rt) {
    const s = rt.host.state;
    const list = (gids: number[], gid: number): string => [gid, ...gids.filter((g) => g !== gid)].map((g) => groupName(s, g)).join(" ");
    if (args.length === 0) return ok(`${list(rt.cred.groups, rt.cred.gid)}\n`);
    let out = "";
    for (const name of args) {
      const u = userByName(s, name);
      if (!u) return fail(`groups: '${name}': no such user\n`, 1, out);
      const c = credFor(s, u);
      out += `${userName(s, u.uid)} : ${list(c.groups, c.gid)}\n`;
    }
    return ok(out);
  },
};

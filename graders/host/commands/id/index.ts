import { groupName, userByName, userName, credFor } from "../../state/users.ts";
import { fail, ok, type HostCommand } from "../types.ts";

/**
 * coreutils id: the caller's identity, or a named user's from the account
 * tables; -u/-g/-G with -n print single fields as Debian's id does.
 */
export const id: HostCommand = {
  name: "id",
  async run(args, _ctx, rt) {
    const s = rt.host.state;
    let field: "u" | "g" | "G" | null = null;
    let names = false;
    const operands: string[] = [];
    for (const a of args) {
      if (/^-[ugGn]+$/.test(a)) {
        for (const ch of a.slice(1)) {
          if (ch === "n") names = true;
          else field = ch as "u" | "g" | "G";
        }
      } else if (a === "--user") field = "u";
      else if (a === "--group") field = "g";
      else if (a === "--groups") field = "G";
      else if (a === "--name") names = true;
      else if (a.startsWith("-")) return fail(`id: invalid option -- '${a.slice(1, 2)}'\nTry 'id --help' for more information.\n`);
      else operands.push(a);
    }
    if (operands.length > 1) return fail(`id: extra operand '${operands[1]}'\nTry 'id --help' for more information.\n`);
    let cred = rt.cred;
    if (operands[0] !== undefined) {
      const user = userByName(s, operands[0]);
      if (!user) return fail(`id: '${operands[0]}': no such user\n`);
      cred = credFor(s, user);
    }
    if (names && field === null) return fail("id: cannot print only names or real IDs in default format\n");
    const groupIds = [cred.gid, ...cred.groups.filter((g) => g !== cred.gid)];
    if (field === "u") return ok(names ? `${userName(s, cred.uid)}\n` : `${cred.uid}\n`);
    if (field === "g") return ok(names ? `${groupName(s, cred.gid)}\n` : `${cred.gid}\n`);
    if (field === "G") return ok(groupIds.map((g) => (names ? groupName(s, g) : String(g))).join(" ") + "\n");
    const groups = groupIds.map((g) => `${g}(${groupName(s, g)})`).join(",");
    return ok(`uid=${cred.uid}(${userName(s, cred.uid)}) gid=${cred.gid}(${groupName(s, cred.gid)}) groups=${groups}\n`);
  },
};

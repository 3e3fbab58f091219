import { userName } from "../../state/users.ts";
import { fail, ok, type HostCommand } from "../types.ts";

/** coreutils whoami: the effective user, which sudo changes. */
export const whoami: HostCommand = {
  name: "whoami",
  async run(args, _ctx, rt) {
    if (args[0] !== undefined) return fail(`whoami: extra operand '${args[0]}'\nTry 'whoami --help' for more information.\n`);
    return ok(`${userName(rt.host.state, rt.cred.uid)}\n`);
  },
};

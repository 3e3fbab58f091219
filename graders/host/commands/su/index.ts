import { userByName } from "../../state/users.ts";
import { fail, type HostCommand } from "../types.ts";

/**
 * su: root switches without a password; anyone else is asked for one, which
 * the simulated terminal cannot type, and fails as su does after a wrong one.
 */
export const su: HostCommand = {
  name: "su",
  async run(args, _ctx, rt) {
    const login = args.includes("-") || args.includes("-l") || args.includes("--login");
    const target = args.find((a) => !a.startsWith("-")) ?? "root";
    if (!userByName(rt.host.state, target)) return fail(`su: user ${target} does not exist or the user entry does not contain all the required fields\n`);
    if (rt.cred.uid !== 0) return fail("Password: \nsu: Authentication failure\n");
    rt.pendingShell = { user: target, login, command: ["su", ...args] };
    return { stdout: "", stderr: "", exitCode: 0 };
  },
};

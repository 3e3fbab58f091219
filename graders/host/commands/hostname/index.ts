import { fail, ok, type HostCommand } from "../types.ts";

/**
 * hostname (net-tools' successor in Debian's `hostname` package): prints the
 * kernel's name; setting it needs root, as sethostname(2) does.
 */
export const hostname: HostCommand = {
  name: "hostname",
  async run(args, _ctx, rt) {
    const name = rt.host.state.hostname;
    const operand = args.find((a) => !a.startsWith("-"));
    if (args.includes("-s") || args.includes("--short")) return ok(`${name.split(".")[0] ?? name}\n`);
    if (args.includes("-f") || args.includes("--fqdn")) return ok(`${name}\n`);
    if (args.includes("-I") || args.includes("--all-ip-addresses")) return ok(`${rt.host.state.net.interfaces.find((i) => i.name !== "lo")?.addrs[0]?.address ?? "127.0.1.1"} \n`);
    if (operand !== undefined) {
      if (rt.cred.uid !== 0) return fail("hostname: you must be root to change the host name\n");
      rt.host.state.hostname = operand;
      return ok("");
    }
    return ok(`${name}\n`);
  },
};

import { fail, ok, type HostCommand } from "../types.ts";

/** The kernel a Debian 12 cloud image runs (linux-image-cloud-amd64 from bookworm). */
export const KERNEL = {
  sysname: "Linux",
  release: "6.1.0-27-cloud-amd64",
  version: "#1 SMP PREEMPT_DYNAMIC Debian 6.1.115-1 (2024-11-01)",
  machine: "x86_64",
  os: "GNU/Linux",
};

/** coreutils uname: -a, -s, -n, -r, -v, -m, -o in uname's fixed field order. */
export const uname: HostCommand = {
  name: "uname",
  async run(args, _ctx, rt) {
    const want = new Set<string>();
    for (const a of args) {
      if (a === "--all") want.add("a");
      else if (/^-[asnrvmpio]+$/.test(a)) for (const ch of a.slice(1)) want.add(ch);
      else return fail(`uname: invalid option -- '${a.replace(/^-+/, "").charAt(0)}'\nTry 'uname --help' for more information.\n`);
    }
    if (want.size === 0) want.add("s");
    const all = want.has("a");
    const fields: string[] = [];
    if (all || want.has("s")) fields.push(KERNEL.sysname);
    if (all || want.has("n")) fields.push(rt.host.state.hostname);
    if (all || want.has("r")) fields.push(KERNEL.release);
    if (all || want.has("v")) fields.push(KERNEL.version);
    if (all || want.has("m")) fields.push(KERNEL.machine);
    // -p and -i print "unknown" unless asked for explicitly; -a leaves them out on Linux.
    if (!all && want.has("p")) fields.push("unknown");
    if (!all && want.has("i")) fields.push("unknown");
    if (all || want.has("o")) fields.push(KERNEL.os);
    return ok(`${fields.join(" ")}\n`);
  },
};

import { procRss } from "./procs.ts";
import { strftime } from "../date/strftime.ts";
import { uptimeLine } from "../uptime/index.ts";
import { ok, type HostCommand } from "../types.ts";

/** who (coreutils) and w (procps-ng): the ssh login recorded in utmp. */
export const who: HostCommand = {
  name: "who",
  async run(_args, _ctx, rt) {
    const l = rt.host.state.login;
    if (!l) return ok("");
    return ok(`${l.user.padEnd(8)} ${l.tty.padEnd(12)} ${strftime("%Y-%m-%d %H:%M", l.atMs)} (${l.from})\n`);
  },
};

export const w: HostCommand = {
  name: "w",
  async run(_args, _ctx, rt) {
    const l = rt.host.state.login;
    let out = uptimeLine(rt) + "USER     TTY      FROM             LOGIN@   IDLE   JCPU   PCPU WHAT\n";
    if (l) out += `${l.user.padEnd(8)} ${l.tty.padEnd(8)} ${l.from.padEnd(16)} ${strftime("%H:%M", l.atMs)}    0.00s  ${procRss(rt)}  0.00s w\n`;
    return ok(out);
  },
};

import { fail, ok, type HostCommand } from "../types.ts";
import { DEFAULT_FORMAT, parseDate, strftime } from "./strftime.ts";
import { setSystemClock } from "../../state/clock.ts";

/**
 * GNU date on the simulated clock: default format, +FORMAT, -d/--date, -u,
 * -R, -I[timespec], -s (root only: steps the system clock, see state/clock.ts).
 */
export const date: HostCommand = {
  name: "date",
  async run(args, _ctx, rt) {
    let when = rt.host.now;
    let format = DEFAULT_FORMAT;
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (a === "-d" || a === "--date" || a.startsWith("--date=") || (a.startsWith("-d") && a.length > 2)) {
        const spec = a === "-d" || a === "--date" ? (args[++i] ?? "") : a.startsWith("--date=") ? a.slice(7) : a.slice(2);
        const t = parseDate(spec, rt.host.now);
        if (t === null) return fail(`date: invalid date '${spec}'\n`);
        when = t;
      } else if (a === "-u" || a === "--utc" || a === "--universal") continue;
      else if (a === "-R" || a === "--rfc-email") format = "%a, %d %b %Y %H:%M:%S %z";
      else if (a === "-I" || a === "--iso-8601" || a === "-Idate") format = "%F";
      else if (a === "-Iseconds" || a === "--iso-8601=seconds") format = "%FT%T%:z";
      else if (a === "-Iminutes") format = "%FT%H:%M%:z";
      else if (a === "-Ihours") format = "%FT%H%:z";
      else if (a === "-s" || a === "--set" || a.startsWith("--set=")) {
        const spec = a.startsWith("--set=") ? a.slice(6) : (args[++i] ?? "");
        const t = parseDate(spec, rt.host.now);
        if (t === null) return fail(`date: invalid date '${spec}'\n`);
        // GNU date prints the new time even when settimeofday(2) fails.
        if (rt.cred.uid !== 0) return { stdout: `${strftime(format, t)}\n`, stderr: "date: cannot set date: Operation not permitted\n", exitCode: 1 };
        setSystemClock(rt.host, t);
        return ok(`${strftime(format, t)}\n`);
      } else if (a.startsWith("+")) format = a.slice(1);
      else if (a.startsWith("-")) return fail(`date: invalid option -- '${a.slice(1, 2)}'\nTry 'date --help' for more information.\n`);
      else return fail(`date: invalid date '${a}'\n`);
    }
    return ok(`${strftime(format, when)}\n`);
  },
};

import type { Runtime } from "../../shell/runtime.ts";
import { cpuMs } from "../../state/procs.ts";

/** JCPU for w: CPU used by everything on the login's terminal, as "0.02s". */
export function procRss(rt: Runtime): string {
  const ms = Object.values(rt.host.state.procs).filter((p) => p.tty === "pts/0").reduce((n, p) => n + cpuMs(p, rt.host.now), 0);
  return `${(ms / 1000 + 0.02).toFixed(2)}s`;
}

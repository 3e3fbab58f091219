import { rssKb } from "../state/procs.ts";
import type { Program } from "./types.ts";

/**
 * A hand-run cache warmer: it walks every tenant and keeps what it loaded in
 * an in-process map that nothing ever evicts, so its resident set grows for
 * as long as it runs (params.leakKbPerSec). Progress goes to stdout, which
 * `nohup` pointed at nohup.out (fd 1), every five minutes.
 */

export const cacheWarmer: Program = {
  start(_host, proc) {
    proc.rssGrowKbPerSec = Number(proc.params?.leakKbPerSec ?? 0);
  },

  tick(host, proc, fromMs, toMs) {
    const every = 5 * 60_000;
    if (Math.floor((toMs - proc.startMs) / every) === Math.floor((fromMs - proc.startMs) / every)) return;
    const fd = proc.fds["1"];
    if (!fd || fd.kind !== "file") return;
    const inode = host.state.fs.inodes[fd.ino];
    if (!inode || inode.kind !== "file") return;
    inode.text += progressLine(proc.params ?? {}, proc.startMs, toMs, rssKb(proc, toMs));
    inode.mtimeMs = toMs;
  },
};

/** One progress line as the warmer prints it; also used to write the history a scenario starts with. */
export function progressLine(params: Record<string, string | number>, startMs: number, atMs: number, rss: number): string {
  const tenants = Number(params.tenants ?? 20_000);
  const perMin = Number(params.tenantsPerMin ?? 40);
  const done = Math.min(tenants, Math.floor(((atMs - startMs) / 60_000) * perMin));
  const keys = Math.round(rss * 2.6);
  const stamp = new Date(atMs).toISOString().slice(0, 19) + "Z";
  return `${stamp} INFO warmed ${done}/${tenants} tenants, ${keys} keys cached\n`;
}

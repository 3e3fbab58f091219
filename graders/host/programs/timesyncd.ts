import { setSystemClock, trueNow } from "../state/clock.ts";
import type { Host } from "../state/host.ts";
import type { Proc } from "../state/types.ts";
import type { Program } from "./types.ts";

/**
 * systemd-timesyncd: an SNTP client. At start it contacts the configured
 * server and steps the clock to true time ("Initial clock synchronization");
 * afterwards it polls (every 64 s at first, as timesyncd does) and steps
 * again if someone set the clock by hand meanwhile.
 */

const POLL_MS = 64_000;

function fmt(ms: number): string {
  const d = new Date(ms);
  const day = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][d.getUTCDay()];
  const micros = String(ms % 1000).padStart(3, "0") + String((ms * 7) % 1000).padStart(3, "0");
  return `${day} ${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 19)}.${micros} UTC`;
}

function sync(host: Host, proc: Proc, initial: boolean): void {
  const server = String(proc.params?.server ?? "10.0.0.3");
  const name = String(proc.params?.serverName ?? "ntp.internal");
  const log = (message: string): void => host.log({ ident: "systemd-timesyncd", pid: proc.pid, unit: proc.unit ?? null, priority: 6, message });
  if (initial) log(`Contacted time server ${server}:123 (${name}).`);
  const skew = host.state.clock.skewMs ?? 0;
  if (skew !== 0) setSystemClock(host, trueNow(host.state));
  host.state.clock.ntpSynced = true;
  if (initial) log(`Initial clock synchronization to ${fmt(host.now)}.`);
  proc.params = { ...proc.params, sincePollMs: 0 };
}

export const timesyncd: Program = {
  start(host, proc) {
    sync(host, proc, true);
  },
  // Polls run on the monotonic clock: a wall-clock step (date -s) neither hastens nor delays them.
  tick(host, proc, from, to) {
    const since = Number(proc.params?.sincePollMs ?? 0) + Math.max(0, to - from);
    if (since >= POLL_MS) sync(host, proc, false);
    else proc.params = { ...proc.params, sincePollMs: since };
  },
};

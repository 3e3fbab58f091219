import type { Host } from "./host.ts";
import type { HostState } from "./types.ts";

/**
 * The system clock against true time. `clock.nowMs` is the system clock
 * every tool reads; true time (NTP servers, the hypervisor's RTC, remote
 * services' clocks) is nowMs - skewMs. Setting the clock moves nowMs by a
 * step without letting simulated time pass.
 */

export function trueNow(state: HostState): number {
  return state.clock.nowMs - (state.clock.skewMs ?? 0);
}

/** settimeofday(2): the clock jumps to `ms`; true time is unchanged, so the skew takes the step. */
export function setSystemClock(host: Host, ms: number): void {
  const step = ms - host.state.clock.nowMs;
  host.state.clock.nowMs = ms;
  const skew = (host.state.clock.skewMs ?? 0) + step;
  if (skew === 0) delete host.state.clock.skewMs;
  else host.state.clock.skewMs = skew;
  // A manual step leaves the clock unsynchronized until NTP confirms it (adjtimex STA_UNSYNC).
  host.state.clock.ntpSynced = false;
}

export function isSynced(state: HostState): boolean {
  return state.clock.ntpSynced !== false;
}

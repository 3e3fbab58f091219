/** What an ssh login to a stock Debian 12 server prints before the first prompt. */
import type { Host } from "../host/state/host.ts";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function lastLoginStamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, " ")} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

export function loginBanner(host: Host): string {
  // The previous login: a fixed while after boot, so the banner is the same on every reload.
  const previous = Math.min(host.now - 60_000, host.state.clock.bootMs + 4 * 3600_000 + 17 * 60_000 + 9_000);
  return [
    `Linux ${host.state.hostname} 6.1.0-27-cloud-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.115-1 (2024-11-01) x86_64`,
    "",
    "The programs included with the Debian GNU/Linux system are free software;",
    "the exact distribution terms for each program are described in the",
    "individual files in /usr/share/doc/*/copyright.",
    "",
    "Debian GNU/Linux comes with ABSOLUTELY NO WARRANTY, to the extent",
    "permitted by applicable law.",
    `Last login: ${lastLoginStamp(previous)} from 10.0.0.15`,
    "",
  ].join("\n");
}

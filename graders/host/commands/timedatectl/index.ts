import timezones from "./timezones.json" with { type: "json" };
import { isSynced, setSystemClock, trueNow } from "../../state/clock.ts";
import type { Host } from "../../state/host.ts";
import type { Unit } from "../../state/types.ts";
import { startUnit, stopUnit } from "../../services/systemd.ts";
import { parseDate } from "../date/strftime.ts";
import type { HostCommand } from "../types.ts";

/**
 * timedatectl (systemd 252) against the model's clock. The RTC of a cloud VM
 * is the hypervisor's clock, so it shows true time while the system clock
 * may be off; "NTP service" is systemd-timesyncd.service. Changes go through
 * timedated and polkit: admin without sudo is refused.
 */

const TIMESYNCD = "systemd-timesyncd.service";
const ZONES: string[] = timezones;

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

function stamp(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 19)}`;
}

function ntpUnit(host: Host): Unit | undefined {
  return host.state.units[TIMESYNCD];
}

/** NTP= of timedated: the NTP unit is enabled or running; a host without the unit keeps Debian's default (on). */
function ntpOn(host: Host): boolean {
  const u = ntpUnit(host);
  return u === undefined || u.activeState === "active" || u.enabled;
}

function ntpActive(host: Host): boolean {
  const u = ntpUnit(host);
  return u === undefined || u.activeState === "active";
}

function status(host: Host): string {
  const now = host.now;
  return [
    `               Local time: ${stamp(now)} UTC`,
    `           Universal time: ${stamp(now)} UTC`,
    `                 RTC time: ${stamp(trueNow(host.state))}`,
    "                Time zone: Etc/UTC (UTC, +0000)",
    `System clock synchronized: ${isSynced(host.state) ? "yes" : "no"}`,
    `              NTP service: ${ntpActive(host) ? "active" : "inactive"}`,
    "          RTC in local TZ: no",
    "",
  ].join("\n");
}

function show(host: Host): [string, string][] {
  const yn = (b: boolean): string => (b ? "yes" : "no");
  return [
    ["Timezone", "Etc/UTC"],
    ["LocalRTC", "no"],
    ["CanNTP", "yes"],
    ["NTP", yn(ntpOn(host))],
    ["NTPSynchronized", yn(isSynced(host.state))],
    ["TimeUSec", `${stamp(host.now)} UTC`],
    ["RTCTimeUSec", `${stamp(trueNow(host.state))} UTC`],
  ];
}

const fail = (stderr: string, exitCode = 1) => ({ stdout: "", stderr, exitCode });

export const timedatectl: HostCommand = {
  name: "timedatectl",
  async run(args, _ctx, rt) {
    const host = rt.host;
    const props: string[] = [];
    let valueOnly = false;
    const words: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (a === "-p" || a === "--property") props.push(...(args[++i] ?? "").split(","));
      else if (a.startsWith("--property=")) props.push(...a.slice(11).split(","));
      else if (a.startsWith("-p") && a.length > 2) props.push(...a.slice(2).split(","));
      else if (a === "--value") valueOnly = true;
      else if (a === "-a" || a === "--all" || a === "--no-pager" || a === "--no-ask-password" || a === "--adjust-system-clock") continue;
      else if (a.startsWith("-")) return fail(`timedatectl: ${a.startsWith("--") ? `unrecognized option '${a}'` : `invalid option -- '${a.slice(1, 2)}'`}\n`);
      else words.push(a);
    }
    const verb = words[0] ?? "status";
    const root = rt.cred.uid === 0;
    switch (verb) {
      case "status":
        return { stdout: status(host), stderr: "", exitCode: 0 };
      case "show": {
        const rows = show(host).filter(([k]) => props.length === 0 || props.includes(k));
        return { stdout: rows.map(([k, v]) => (valueOnly ? `${v}\n` : `${k}=${v}\n`)).join(""), stderr: "", exitCode: 0 };
      }
      case "list-timezones":
        return { stdout: ZONES.map((z) => `${z}\n`).join(""), stderr: "", exitCode: 0 };
      case "set-ntp": {
        const v = words[1];
        if (v === undefined) return fail("Too few arguments.\n");
        const on = ["1", "yes", "y", "true", "t", "on"].includes(v) ? true : ["0", "no", "n", "false", "f", "off"].includes(v) ? false : null;
        if (on === null) return fail(`Failed to parse NTP setting '${v}': Invalid argument\n`);
        if (!root) return fail("Failed to set ntp: Access denied\n");
        const unit = ntpUnit(host);
        // Hosts built without a timesyncd unit stand for a stock VM whose NTP is on: asking for on changes nothing.
        if (!unit) return on ? { stdout: "", stderr: "", exitCode: 0 } : fail("Failed to set ntp: NTP not supported\n");
        // timedated enables and starts (or stops and disables) the first NTP unit it knows.
        if (on) {
          unit.enabled = true;
          if (unit.activeState !== "active") startUnit(host, unit);
        } else {
          unit.enabled = false;
          stopUnit(host, unit);
          host.state.clock.ntpSynced = false;
        }
        return { stdout: "", stderr: "", exitCode: 0 };
      }
      case "set-time": {
        const spec = words[1];
        if (spec === undefined) return fail("Too few arguments.\n");
        if (!root) return fail("Failed to set time: Access denied\n");
        if (ntpActive(host)) return fail("Failed to set time: Automatic time synchronization is enabled\n");
        const t = parseDate(spec, host.now);
        if (t === null) return fail(`Failed to parse time specification '${spec}': Invalid argument\n`);
        setSystemClock(host, t);
        return { stdout: "", stderr: "", exitCode: 0 };
      }
      case "set-timezone": {
        const zone = words[1];
        if (zone === undefined) return fail("Too few arguments.\n");
        if (!root) return fail("Failed to set time zone: Access denied\n");
        if (!ZONES.includes(zone)) return fail(`Failed to set time zone: Invalid or unsupported time zone '${zone}'.\n`);
        // The model keeps every host on UTC; timedated accepts an unchanged zone silently.
        if (zone === "UTC" || zone === "Etc/UTC") return { stdout: "", stderr: "", exitCode: 0 };
        return fail("Failed to set time zone: Access denied\n");
      }
      default:
        return fail(`Unknown command verb ${verb}.\n`);
    }
  },
};

import type { Host } from "../state/host.ts";
import type { JournalEntry } from "../state/types.ts";
import { syslogTime } from "../commands/format.ts";

/**
 * journalctl's default "short" output: "Nov 25 09:14:03 web-01 app-server[812]: message".
 * Kernel lines carry no pid: "Nov 25 09:14:03 web-01 kernel: ...".
 */
export function shortLine(host: Host, e: JournalEntry): string {
  const who = e.pid === null ? e.ident : `${e.ident}[${e.pid}]`;
  return `${syslogTime(e.tsMs)} ${host.state.hostname} ${who}: ${e.message}\n`;
}

/** Entries that belong to a unit: its processes' output and systemd's lines about it. */
export function unitEntries(host: Host, unit: string): JournalEntry[] {
  return host.state.journal.filter((e) => e.unit === unit);
}

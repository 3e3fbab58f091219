/** nginx's two time formats: error.log ("2026/11/28 10:04:05") and the access log's $time_local. */

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const p2 = (n: number): string => String(n).padStart(2, "0");

/** The host runs in UTC, as Debian cloud images do. */
export function errorLogTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

export function accessLogTime(ms: number): string {
  const d = new Date(ms);
  return `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()] ?? "Jan"}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
}

/** One error.log line: "2026/11/28 10:04:05 [emerg] 1234#1234: message". */
export function errorLogLine(ms: number, level: string, pid: number, message: string): string {
  return `${errorLogTime(ms)} [${level}] ${pid}#${pid}: ${message}\n`;
}

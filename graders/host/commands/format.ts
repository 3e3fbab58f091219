/** Number and table formatting shared by coreutils/procps-style tools. */

/**
 * coreutils human_readable() with -h (powers of 1024, rounding up, one
 * decimal below 10): 0, 512, 4.0K, 983M, 20G.
 */
export function humanCeil(bytes: number): string {
  if (bytes < 1024) return String(Math.ceil(bytes));
  const units = ["K", "M", "G", "T", "P", "E"];
  let value = bytes;
  let i = -1;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  if (value < 10) {
    const v = Math.ceil(value * 10) / 10;
    if (v >= 10) return `10${units[i]}`;
    return `${v.toFixed(1)}${units[i]}`;
  }
  const v = Math.ceil(value);
  if (v >= 1024 && i < units.length - 1) return `1.0${units[i + 1]}`;
  return `${v}${units[i]}`;
}

export type Align = "L" | "R";

/**
 * Lay out rows with per-column widths (max of a minimum and every cell),
 * one space between columns, the last column unpadded: df's and lsof's way.
 */
export function table(rows: string[][], aligns: Align[], minWidths: number[] = []): string {
  const widths = aligns.map((_, c) => Math.max(minWidths[c] ?? 0, ...rows.map((r) => (r[c] ?? "").length)));
  return rows
    .map((row) =>
      row
        .map((cell, c) => {
          if (c === row.length - 1 && aligns[c] === "L") return cell;
          return aligns[c] === "L" ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0);
        })
        .join(" ") + "\n",
    )
    .join("");
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

export function month(ms: number): string {
  return MONTHS[new Date(ms).getUTCMonth()] ?? "Jan";
}

export function weekday(ms: number): string {
  return DAYS[new Date(ms).getUTCDay()] ?? "Sun";
}

export const two = (n: number): string => String(n).padStart(2, "0");

export function hhmm(ms: number): string {
  const d = new Date(ms);
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

export function hhmmss(ms: number): string {
  const d = new Date(ms);
  return `${hhmm(ms)}:${two(d.getUTCSeconds())}`;
}

/** The journal/syslog short timestamp: "Nov 25 09:14:03". */
export function syslogTime(ms: number): string {
  const d = new Date(ms);
  return `${month(ms)} ${two(d.getUTCDate())} ${hhmmss(ms)}`;
}

/** systemd's "Wed 2026-11-25 06:02:11 UTC". */
export function systemdTime(ms: number): string {
  const d = new Date(ms);
  return `${weekday(ms)} ${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${hhmmss(ms)} UTC`;
}

/** Single-quote a word for re-parsing by the shell (sudo, xargs-like re-exec). */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_\/.,:=+@%-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

/**
 * systemd's format_timespan() as used for "Consumed ... CPU time" and the
 * status CPU line: largest units first, seconds with millisecond decimals,
 * e.g. "3h 12min 4.123s", "812ms".
 */
export function formatTimespan(ms: number): string {
  const total = Math.round(ms);
  if (total <= 0) return "0";
  if (total < 1000) return `${total}ms`;
  const parts: string[] = [];
  let rest = total;
  const units: [string, number][] = [["y", 31557600000], ["month", 2629800000], ["w", 604800000], ["d", 86400000], ["h", 3600000], ["min", 60000]];
  for (const [name, size] of units) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${name}`);
      rest %= size;
    }
  }
  if (rest > 0) {
    const s = Math.floor(rest / 1000);
    const frac = rest % 1000;
    parts.push(frac ? `${s}.${String(frac).padStart(3, "0").replace(/0+$/, "")}s` : `${s}s`);
  }
  return parts.join(" ");
}

/** format_timestamp_relative(): the two largest units, "3h 12min ago", "5s ago". */
export function formatRelative(deltaMs: number): string {
  const s = Math.max(0, Math.floor(deltaMs / 1000));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (d >= 1) return h ? `${d} day${d > 1 ? "s" : ""} ${h}h ago` : `${d} day${d > 1 ? "s" : ""} ago`;
  if (h >= 1) return m ? `${h}h ${m}min ago` : `${h}h ago`;
  if (m >= 1) return sec ? `${m}min ${sec}s ago` : `${m}min ago`;
  return `${sec}s ago`;
}

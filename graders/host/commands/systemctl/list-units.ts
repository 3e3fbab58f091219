import type { Host } from "../../state/host.ts";
import type { Unit } from "../../state/types.ts";

/**
 * `systemctl list-units` in systemd 252's layout: a two-character marker
 * column (● for failed units), padded columns, then the legend and count.
 */
export function renderListUnits(host: Host, opts: { all: boolean; failed: boolean; state?: string }): string {
  let units: Unit[] = Object.values(host.state.units).sort((a, b) => (a.name < b.name ? -1 : 1));
  if (opts.failed) units = units.filter((u) => u.activeState === "failed");
  else if (opts.state) units = units.filter((u) => u.activeState === opts.state || u.subState === opts.state);
  else if (!opts.all) units = units.filter((u) => u.activeState !== "inactive");
  if (units.length === 0) {
    return "  UNIT LOAD ACTIVE SUB DESCRIPTION\n0 loaded units listed." + (opts.all ? "\n" : " Pass --all to see loaded but inactive units, too.\n") +
      "To show all installed unit files use 'systemctl list-unit-files'.\n";
  }
  const rows = units.map((u) => ({ mark: u.activeState === "failed" ? "● " : "  ", unit: u.name, load: "loaded", active: u.activeState, sub: u.subState, desc: u.description }));
  const w = (k: "unit" | "load" | "active" | "sub"): number => Math.max(k.length, ...rows.map((r) => r[k].length));
  const [wu, wl, wa, ws] = [w("unit"), w("load"), w("active"), w("sub")];
  const line = (mark: string, unit: string, load: string, active: string, sub: string, desc: string): string =>
    `${mark}${unit.padEnd(wu)} ${load.padEnd(wl)} ${active.padEnd(wa)} ${sub.padEnd(ws)} ${desc}`.trimEnd() + "\n";
  let out = line("  ", "UNIT", "LOAD", "ACTIVE", "SUB", "DESCRIPTION");
  for (const r of rows) out += line(r.mark, r.unit, r.load, r.active, r.sub, r.desc);
  out += "\nLOAD   = Reflects whether the unit definition was properly loaded.\n";
  out += "ACTIVE = The high-level unit activation state, i.e. generalization of SUB.\n";
  out += "SUB    = The low-level unit activation state, values depend on unit type.\n";
  out += `\n${rows.length} loaded units listed.${opts.all ? "" : " Pass --all to see loaded but inactive units, too."}\n`;
  out += "To show all installed unit files use 'systemctl list-unit-files'.\n";
  return out;
}

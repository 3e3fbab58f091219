/**
 * The part of systemd's unit-file syntax the host needs: sections, key=value
 * lines, comments, line continuations, and drop-ins where a later assignment
 * wins (an empty `ExecStart=` or `Environment=` resets the list first).
 */

export interface UnitConfig {
  description: string;
  execStart: string[];
  user: string;
  restart: "no" | "always" | "on-failure";
  environment: Record<string, string>;
  environmentFiles: string[];
  limitNofile?: number;
  /** OOMScoreAdjust= (-1000..1000); an empty assignment resets it. */
  oomScoreAdjust?: number;
  /** RestartSec= in milliseconds. */
  restartSecMs?: number;
  wantedBy: string[];
  type?: "simple" | "forking";
  execStartPre?: string[][];
  execReload?: string[];
  execStop?: string[];
  pidFile?: string;
  docs?: string[];
}

export function emptyConfig(): UnitConfig {
  return { description: "", execStart: [], user: "root", restart: "no", environment: {}, environmentFiles: [], wantedBy: [] };
}

/** Split a command line the way systemd does for ExecStart= (quotes group words). */
export function splitCommand(line: string): string[] {
  const words: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) words.push(m[1] ?? m[2] ?? m[3] ?? "");
  return words;
}

/** Apply one unit file (fragment or drop-in) on top of `base`. */
export function applyUnitFile(base: UnitConfig, text: string): UnitConfig {
  const cfg: UnitConfig = { ...base, environment: { ...base.environment }, environmentFiles: [...base.environmentFiles], execStart: [...base.execStart], wantedBy: [...base.wantedBy] };
  const joined = text.replace(/\\\n/g, " ");
  let section = "";
  for (const raw of joined.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    const sec = /^\[(.+)\]$/.exec(line);
    if (sec) {
      section = sec[1] ?? "";
      continue;
    }
    const eq = line.indexOf("=");
    if (eq < 0) continue;
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    if (section === "Unit" && key === "Description") cfg.description = value;
    else if (section === "Unit" && key === "Documentation") cfg.docs = value === "" ? [] : [...(cfg.docs ?? []), ...value.split(/\s+/).filter(Boolean)];
    else if (section === "Service") {
      if (key === "Type") cfg.type = value === "forking" ? "forking" : "simple";
      else if (key === "ExecStartPre") cfg.execStartPre = value === "" ? [] : [...(cfg.execStartPre ?? []), splitCommand(value.replace(/^[-@+!:]+/, ""))];
      else if (key === "ExecReload") cfg.execReload = splitCommand(value.replace(/^[-@+!:]+/, ""));
      else if (key === "ExecStop") cfg.execStop = splitCommand(value.replace(/^[-@+!:]+/, ""));
      else if (key === "PIDFile") cfg.pidFile = value;
      else if (key === "ExecStart") cfg.execStart = value === "" ? [] : splitCommand(value.replace(/^[-@+!:]+/, ""));
      else if (key === "User") cfg.user = value || "root";
      else if (key === "Restart") cfg.restart = value === "always" ? "always" : value === "on-failure" ? "on-failure" : "no";
      else if (key === "Environment") {
        if (value === "") cfg.environment = {};
        for (const word of splitCommand(value)) {
          const i = word.indexOf("=");
          if (i > 0) cfg.environment[word.slice(0, i)] = word.slice(i + 1);
        }
      } else if (key === "EnvironmentFile") {
        if (value === "") cfg.environmentFiles = [];
        else cfg.environmentFiles.push(value);
      } else if (key === "RestartSec") {
        const ms = parseTimespanMs(value);
        if (ms !== null) cfg.restartSecMs = ms;
      } else if (key === "LimitNOFILE") {
        const n = Number(value.split(":")[0]);
        if (value === "infinity") cfg.limitNofile = 1048576;
        else if (Number.isFinite(n)) cfg.limitNofile = n;
      } else if (key === "OOMScoreAdjust") {
        const n = Number(value);
        // systemd rejects values outside the kernel's range and keeps the previous setting.
        if (value === "") delete cfg.oomScoreAdjust;
        else if (Number.isInteger(n) && n >= -1000 && n <= 1000) cfg.oomScoreAdjust = n;
      }
    } else if (section === "Install" && key === "WantedBy") cfg.wantedBy.push(...value.split(/\s+/).filter(Boolean));
  }
  return cfg;
}

/** KEY=value lines of an EnvironmentFile (comments and blank lines skipped, quotes removed). */
export function parseEnvironmentFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    const i = line.indexOf("=");
    if (i <= 0) continue;
    env[line.slice(0, i).trim()] = line.slice(i + 1).trim().replace(/^"(.*)"$/, "$1").replace(/^'(.*)'$/, "$1");
  }
  return env;
}

/** A systemd time span as RestartSec= takes it: "5", "5s", "100ms", "1min 30s" (a bare number is seconds). */
export function parseTimespanMs(value: string): number | null {
  const units: Record<string, number> = { ms: 1, msec: 1, s: 1000, sec: 1000, second: 1000, seconds: 1000, m: 60_000, min: 60_000, minute: 60_000, minutes: 60_000, h: 3_600_000, hr: 3_600_000, hour: 3_600_000, hours: 3_600_000 };
  const re = /(\d+(?:\.\d+)?)\s*([a-z]*)/g;
  const text = value.trim();
  if (!/^(\d+(?:\.\d+)?\s*[a-z]*\s*)+$/.test(text)) return null;
  let total = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const size = units[m[2] || "s"];
    if (size === undefined) return null;
    total += Number(m[1]) * size;
  }
  return Math.round(total);
}

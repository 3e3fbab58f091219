/**
 * bash's `time` keyword. just-bash times a pipeline with the real clock, but
 * on the simulated host what takes time is simulated: a lookup that waits on
 * a dead resolver advances the host's clock by its timeouts. So the session
 * strips `time` from the line, runs the rest, and reports the simulated time
 * that passed plus the real time the command cost, in bash's format.
 */

/** The pipeline after a leading `time` (not `time -p`), when the line is that one pipeline; else null. */
export function timedPipeline(line: string): string | null {
  const m = /^\s*time\s+(?!-p\b)(\S.*)$/s.exec(line);
  if (!m) return null;
  const rest = m[1] as string;
  // `time a; b` times only `a`: leave lists to the interpreter rather than time the wrong part.
  if (/;|&&|\|\||(^|[^|])&($|[^&])/.test(rest.replace(/'[^']*'|"(?:\\.|[^"\\])*"/g, ""))) return null;
  return rest;
}

function clock(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  return `${Math.floor(s / 60)}m${(s % 60).toFixed(3)}s`;
}

/** bash's report on stderr: a blank line, then real, user and sys. */
export function timeReport(simulatedMs: number, wallMs: number): string {
  return `\nreal\t${clock(simulatedMs + wallMs)}\nuser\t${clock(wallMs * 0.6)}\nsys\t${clock(wallMs * 0.4)}\n`;
}

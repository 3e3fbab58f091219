/**
 * Runtime-error stack traces from the isolate, rewritten for the candidate:
 * frames in the compiled module are mapped back to the candidate's own
 * source with its source map; harness frames are dropped.
 */
import { originalPositionFor, TraceMap } from "@jridgewell/trace-mapping";

export interface MappedStack {
  /** "Name: message" followed by the candidate's frames. */
  stack: string;
  /** Position (1-based) of the innermost candidate frame, if any. */
  line?: number;
  column?: number;
}

const maps = new WeakMap<object, TraceMap>();

function traceMap(key: object, map: string): TraceMap {
  let tm = maps.get(key);
  if (!tm) {
    tm = new TraceMap(map);
    maps.set(key, tm);
  }
  return tm;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * @param key   identity of the compiled solution (caches the parsed map)
 * @param header "Name: message" line(s)
 */
export function mapStack(rawStack: string, header: string, filename: string, map: string, key: object): MappedStack {
  const frame = new RegExp(`^\\s*at (?:(.*?) \\()?${escapeRegExp(filename)}:(\\d+):(\\d+)\\)?\\s*$`);
  const tm = traceMap(key, map);
  const frames: string[] = [];
  let line: number | undefined;
  let column: number | undefined;
  for (const raw of rawStack.split("\n")) {
    const m = frame.exec(raw);
    if (!m) continue;
    const pos = originalPositionFor(tm, { line: Number(m[2]), column: Number(m[3]) - 1 });
    if (pos.line === null) continue;
    const fn = m[1];
    const where = `${filename}:${pos.line}:${pos.column + 1}`;
    frames.push(`    at ${fn ? `${fn} (${where})` : where}`);
    if (line === undefined) {
      line = pos.line;
      column = pos.column + 1;
    }
  }
  const out: MappedStack = { stack: [header, ...frames].join("\n") };
  if (line !== undefined) {
    out.line = line;
    out.column = column;
  }
  return out;
}

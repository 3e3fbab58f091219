import { hash32 } from "./rng.ts";
import type { GeneratorRef } from "./types.ts";
import { debugDumpGenerator } from "./generators-dump.ts";

/**
 * Content generators for large files. Each one defines an infinite byte stream
 * from its parameters; a file shows the first `genBytes` bytes of it. Lines
 * have a fixed width so any byte range is computed directly, without walking
 * from the start: reading the tail of a 40 GB log is as cheap as its head.
 */
interface Generator {
  lineWidth(params: GeneratorRef["params"]): number;
  line(params: GeneratorRef["params"], index: number): string;
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** A JSON-less access log line an app server writes per request: `ts level req_id method path status dur`. */
const accessLog: Generator = {
  lineWidth: () => accessLog.line({ startMs: 0, stepMs: 0, seed: 0 }, 0).length,
  line(params, index) {
    const startMs = Number(params.startMs);
    const stepMs = Number(params.stepMs);
    const h = hash32(Number(params.seed), index);
    const ts = new Date(startMs + index * stepMs).toISOString();
    const paths = ["/api/orders", "/api/cart  ", "/api/users ", "/health    "];
    const path = paths[h % paths.length] ?? "/health    ";
    const status = h % 97 === 0 ? 500 : 200;
    const reqId = (h >>> 0).toString(16).padStart(8, "0");
    return `${ts} INFO  req_id=${reqId} GET ${path} ${pad(h % 100000, 6)} ${status} ${pad(h % 250, 3)}ms\n`;
  },
};

const GENERATORS: Record<string, Generator> = { "access-log": accessLog, "debug-dump": debugDumpGenerator };

function generatorFor(ref: GeneratorRef): Generator {
  const gen = GENERATORS[ref.name];
  if (!gen) throw new Error(`unknown content generator ${ref.name}`);
  return gen;
}

/** Bytes [offset, offset+length) of the generator's stream. */
export function generateRange(ref: GeneratorRef, offset: number, length: number): string {
  const gen = generatorFor(ref);
  const width = gen.lineWidth(ref.params);
  let out = "";
  let line = Math.floor(offset / width);
  let skip = offset - line * width;
  while (out.length < length) {
    const text = gen.line(ref.params, line++);
    out += skip > 0 ? text.slice(skip) : text;
    skip = 0;
  }
  return out.slice(0, length);
}

export function generatorLineWidth(ref: GeneratorRef): number {
  return generatorFor(ref).lineWidth(ref.params);
}

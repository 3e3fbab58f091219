import { hash32 } from "./rng.ts";
import type { GeneratorRef } from "./types.ts";

/**
 * A gateway's debug state dump: one JSON object per connection, fixed width
 * (numbers padded with spaces, which JSON allows), so any byte range of a
 * 60 MB dump is computed directly (see generators.ts).
 */
const num = (n: number, width: number): string => String(n).padStart(width, " ");

export const debugDumpGenerator = {
  lineWidth: (): number => debugDumpGenerator.line({ startMs: 0, seed: 0 }, 0).length,
  line(params: GeneratorRef["params"], index: number): string {
    const h = hash32(Number(params.seed), index);
    const ts = new Date(Number(params.startMs)).toISOString().replace(/\.\d{3}Z$/, "Z");
    const states = ["idle", "active", "closing", "tls_hs"];
    const state = `"${states[h % states.length] ?? "idle"}",`.padEnd(10, " ");
    const peer = `"10.0.${(h >>> 8) % 256}.${h % 256}:${1024 + (h % 60000)}",`.padEnd(24, " ");
    return `{"ts":"${ts}","conn":${num(index, 9)},"peer":${peer}"state":${state}"rx_buf":${num(h % 65536, 5)},"tx_buf":${num((h >>> 4) % 65536, 5)},"age_ms":${num(h % 9_999_999, 7)}}\n`;
  },
};

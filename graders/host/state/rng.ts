import type { HostState } from "./types.ts";

/**
 * Seeded randomness whose whole state is one number inside HostState, so a
 * saved and restored host continues with the same sequence (mulberry32).
 */
export function nextRandom(state: HostState): number {
  state.rng = (state.rng + 0x6d2b79f5) >>> 0;
  let t = state.rng;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** Integer in [lo, hi], both inclusive. */
export function randInt(state: HostState, lo: number, hi: number): number {
  return lo + Math.floor(nextRandom(state) * (hi - lo + 1));
}

export function randPick<T>(state: HostState, items: readonly T[]): T {
  const item = items[randInt(state, 0, items.length - 1)];
  if (item === undefined) throw new Error("randPick from an empty array");
  return item;
}

/** A deterministic 32-bit hash for content generators (no state advance). */
export function hash32(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const s = String(part);
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= 0xff;
  }
  return h >>> 0;
}

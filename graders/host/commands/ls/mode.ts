import type { Inode } from "../../state/types.ts";

/** The ten-character mode string of `ls -l` (filemode.c), including setuid/setgid/sticky letters. */
export function modeString(inode: Inode): string {
  const type = { file: "-", dir: "d", symlink: "l", chr: "c" }[inode.kind];
  const m = inode.mode;
  const triplet = (shift: number, special: number, letter: string): string => {
    const r = m & (4 << shift) ? "r" : "-";
    const w = m & (2 << shift) ? "w" : "-";
    const xBit = (m & (1 << shift)) !== 0;
    const x = m & special ? (xBit ? letter : letter.toUpperCase()) : xBit ? "x" : "-";
    return r + w + x;
  };
  return type + triplet(6, 0o4000, "s") + triplet(3, 0o2000, "s") + triplet(0, 0o1000, "t");
}

/** Major/minor numbers of the character devices the model has, as `ls -l` prints them instead of a size. */
export const DEVICE_NUMBERS: Record<string, [number, number]> = { null: [1, 3], zero: [1, 5], urandom: [1, 9], tty: [5, 0] };

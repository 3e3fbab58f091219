/**
 * How many lines an edit changed: lines of the old text not kept plus lines
 * of the new text not kept, where "kept" is the longest common subsequence
 * (what diff counts). Files over a few thousand lines fall back to a
 * position-by-position count to stay cheap.
 */
export function changedLines(before: string, after: string): number {
  const a = splitLines(before);
  const b = splitLines(after);
  if (a.length * b.length > 4_000_000) {
    let n = Math.abs(a.length - b.length);
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) n++;
    return n;
  }
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? (prev[j - 1] ?? 0) + 1 : Math.max(prev[j] ?? 0, cur[j - 1] ?? 0);
    prev = cur;
  }
  const kept = prev[b.length] ?? 0;
  return a.length - kept + (b.length - kept);
}

function splitLines(s: string): string[] {
  if (s === "") return [];
  return s.replace(/\n$/, "").split("\n");
}

/** nano counts the lines it wrote; a last line without newline counts too. */
export function lineCount(s: string): number {
  return splitLines(s).length;
}

export function generate(seed: number): unknown[][] {
  let x = seed;
  const next = (): number => (x = (x * 1103515245 + 12345) % 2147483648);
  const out: unknown[][] = [];
  for (let t = 0; t < 43; t++) {
    const n = t === 42 ? 10_000 : next() % 50;
    const nums: number[] = [];
    for (let i = 0; i < n; i++) nums.push((next() % 2001) - 1000);
    out.push([nums]);
  }
  return out;
}

export function generate(seed: number): unknown[][] {
  const out: unknown[][] = [];
  for (let t = 0; t < 24; t++) {
    const nums = Array.from({ length: 6 + (t % 5) }, (_, i) => ((i * 7 + t * 3 + seed) % 11) - 3);
    out.push([nums, t % 3 === 0 ? 100 : (nums[0] ?? 0) + (nums[nums.length - 1] ?? 0)]);
  }
  out.push([[4, 1], 8]);
  return out;
}

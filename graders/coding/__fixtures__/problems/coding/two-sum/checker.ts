export function check(args: unknown[], expected: unknown, actual: unknown): { ok: boolean; message?: string } {
  const [nums, target] = args as [number[], number];
  if (expected === null) return actual === null ? { ok: true } : { ok: false, message: "no pair exists" };
  if (!Array.isArray(actual) || actual.length !== 2) return { ok: false, message: "expected a pair of indices" };
  const [i, j] = actual as [number, number];
  if (!(Number.isInteger(i) && Number.isInteger(j) && 0 <= i && i < j && j < nums.length)) {
    return { ok: false, message: "indices out of range or not increasing" };
  }
  return nums[i]! + nums[j]! === target ? { ok: true } : { ok: false, message: `nums[${i}] + nums[${j}] != ${target}` };
}

export function evens(nums: number[]): number[] {
  return nums.filter((n) => n % 2 !== 0);
}

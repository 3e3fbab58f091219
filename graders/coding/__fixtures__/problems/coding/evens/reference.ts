export const evens = (nums: number[]): number[] => nums.filter((n) => n % 2 === 0).reverse();

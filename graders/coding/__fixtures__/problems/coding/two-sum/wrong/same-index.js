function twoSum(nums, target) {
  for (let i = 0; i < nums.length; i++) for (let j = 0; j < nums.length; j++) if (nums[i] + nums[j] === target) return [Math.min(i, j), Math.max(i, j)];
  return null;
}

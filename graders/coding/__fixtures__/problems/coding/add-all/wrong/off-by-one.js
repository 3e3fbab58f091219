function addAll(nums) {
  let s = 0;
  for (let i = 0; i < nums.length - 1; i++) s += nums[i];
  return s;
}

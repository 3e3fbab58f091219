function evens(nums) {
  const out = [];
  for (let i = 0; i <= nums.length; i++) if (nums[i].valueOf() % 2 === 0) out.push(nums[i]);
  return out;
}

function addAll(nums) {
  let s = 0;
  for (const n of nums) {
    for (let i = 0; i < 20000; i++) s += 0;
    s += n;
  }
  return s;
}

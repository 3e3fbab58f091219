const twoSum = () => null;

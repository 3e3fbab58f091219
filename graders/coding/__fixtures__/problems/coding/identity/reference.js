function solve(n) { return n; }

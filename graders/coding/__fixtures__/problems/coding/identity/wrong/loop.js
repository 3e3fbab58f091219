function solve(n) { for (;;) {} }

import { describe, expect, test } from "vitest";
import { pythonStarter } from "./starter.ts";

describe("pythonStarter", () => {
  test("snake_case entry, type hints and a docstring", () => {
    const code = pythonStarter({ entry: "topKIps", params: [{ name: "lines", type: "string[]" }, { name: "k", type: "number" }], returns: "string[]" });
    expect(code).toBe(
      [
        "def top_k_ips(lines: list[str], k: int) -> list[str]:",
        '    """',
        "    Args:",
        "        lines: list[str]",
        "        k: int",
        "",
        "    Returns:",
        "        list[str]",
        '    """',
        "    # Write your solution here.",
        "    pass",
        "",
      ].join("\n"),
    );
  });

  test("tuples, records, unions with null, and objects", () => {
    const code = pythonStarter({
      entry: "startOrder",
      params: [
        { name: "deps", type: "Record<string, string[]>" },
        { name: "windows", type: "[number, number][]" },
      ],
      returns: "{ endpoint: string; p99: number }[] | null",
    });
    expect(code).toContain("from typing import Any");
    expect(code).toContain("def start_order(deps: dict[str, list[str]], windows: list[tuple[int, int]]) -> list[dict[str, Any]] | None:");
    expect(code).toContain('list of dict with keys {"endpoint": str, "p99": int}');
  });

  test("numbers are float where a sample value is fractional", () => {
    const code = pythonStarter(
      { entry: "peakErrorRate", params: [{ name: "requests", type: "[number, number][]" }, { name: "windowSec", type: "number" }], returns: "number" },
      [{ args: [[[1, 0.5]], 60], expected: 0.25 }],
    );
    expect(code).toContain("def peak_error_rate(requests: list[tuple[int, float]], window_sec: int) -> float:");
  });

  test("null-first unions put None last", () => {
    const code = pythonStarter({ entry: "f", params: [{ name: "x", type: "null | string" }], returns: "boolean" });
    expect(code).toContain("def f(x: str | None) -> bool:");
  });
});

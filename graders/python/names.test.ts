import { describe, expect, test } from "vitest";
import { pythonEntryName } from "./names.ts";
import { pythonParamName } from "./starter.ts";

describe("pythonEntryName", () => {
  test.each([
    ["topKIps", "top_k_ips"],
    ["allowRequests", "allow_requests"],
    ["firewallAllows", "firewall_allows"],
    ["lruCache", "lru_cache"],
    ["parseHTTPLine", "parse_http_line"],
    ["p99Latency", "p99_latency"],
    ["slowestEndpoints", "slowest_endpoints"],
    ["already_snake", "already_snake"],
    ["x", "x"],
  ])("%s → %s", (camel, snake) => {
    expect(pythonEntryName(camel)).toBe(snake);
  });

  test("parameter names avoid Python keywords", () => {
    expect(pythonParamName("from")).toBe("from_");
    expect(pythonParamName("lambda")).toBe("lambda_");
    expect(pythonParamName("windowSec")).toBe("window_sec");
  });
});

/**
 * The Python name of a problem's entry function: camelCase → snake_case
 * (`topKIps` → `top_k_ips`, `allowRequests` → `allow_requests`,
 * `parseHTTPLine` → `parse_http_line`, `p99Latency` → `p99_latency`).
 */
export function pythonEntryName(entry: string): string {
  return entry
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9_]/g, "_")
    .toLowerCase();
}

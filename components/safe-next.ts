/** A `?next=` target only if it is a same-site path (no open redirects); else /problems. */
export function safeNext(v: string | string[] | undefined | null): string {
  const s = Array.isArray(v) ? v[0] : v;
  if (typeof s !== "string" || !s.startsWith("/") || s.startsWith("//") || s.startsWith("/\\")) return "/problems";
  return s;
}

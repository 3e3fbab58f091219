/**
 * The `pl_session` cookie: httpOnly (scripts cannot read it), SameSite=Lax
 * (not sent on cross-site POSTs), Secure whenever the request came over https
 * (directly or through a proxy that says so), so plain http on localhost works.
 */
export const SESSION_COOKIE = "pl_session";

export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const raw = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    }
  }
  return undefined;
}

export function sessionTokenFrom(req: Request): string | undefined {
  return readCookie(req.headers.get("cookie"), SESSION_COOKIE);
}

export function isHttps(req: Request): boolean {
  const forwarded = req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return (forwarded ?? new URL(req.url).protocol.replace(":", "")) === "https";
}

export function sessionCookie(req: Request, token: string, expiresAt: Date): string {
  const attrs = [`${SESSION_COOKIE}=${token}`, "Path=/", "HttpOnly", "SameSite=Lax", `Expires=${expiresAt.toUTCString()}`];
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  attrs.push(`Max-Age=${maxAge}`);
  if (isHttps(req)) attrs.push("Secure");
  return attrs.join("; ");
}

export function clearedSessionCookie(req: Request): string {
  const attrs = [`${SESSION_COOKIE}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0", "Expires=Thu, 01 Jan 1970 00:00:00 GMT"];
  if (isHttps(req)) attrs.push("Secure");
  return attrs.join("; ");
}

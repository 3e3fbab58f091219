/** The signed-in user for server components and server actions (next/headers). */
import "server-only";
import { cookies } from "next/headers";
import type { SessionUser } from "../view-types.ts";
import { SESSION_COOKIE } from "./cookie.ts";
import { findSessionUser } from "./session-store.ts";

export async function getCurrentUser(): Promise<SessionUser | null> {
  const jar = await cookies();
  return findSessionUser(jar.get(SESSION_COOKIE)?.value);
}

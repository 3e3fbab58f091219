/** The signed-in user of a route handler's Request (cookie → session → user). */
import type { SessionUser } from "../view-types.ts";
import { sessionTokenFrom } from "./cookie.ts";
import { findSessionUser } from "./session-store.ts";

export function getUserFromRequest(req: Request): Promise<SessionUser | null> {
  return findSessionUser(sessionTokenFrom(req));
}

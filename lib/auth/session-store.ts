/**
 * Sessions: the cookie carries a random 256-bit token; the database keeps only
 * its SHA-256, so a copy of the database cannot be replayed as logins.
 */
import { createHash, randomBytes } from "node:crypto";
import { AUTH_LIMITS } from "../../graders/limits.ts";
import { getDb, type DbTx } from "../db/client.ts";
import type { SessionUser } from "../view-types.ts";
import { isRole } from "./roles.ts";

export interface IssuedSession {
  token: string;
  expiresAt: Date;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createSession(tx: DbTx, userId: string, now: Date = new Date()): Promise<IssuedSession> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + AUTH_LIMITS.sessionDays * 24 * 60 * 60 * 1000);
  await tx.session.create({ data: { tokenHash: hashToken(token), userId, expiresAt } });
  // Housekeeping rides on logins: this user's expired sessions go now.
  await tx.session.deleteMany({ where: { userId, expiresAt: { lt: now } } });
  return { token, expiresAt };
}

/** The signed-in user for a cookie token, or null when unknown or expired. */
export async function findSessionUser(token: string | undefined): Promise<SessionUser | null> {
  // Tokens are 43 base64url characters; anything else is not worth a query.
  if (!token || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const session = await getDb().session.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { expiresAt: true, user: { select: { id: true, email: true, role: true } } },
  });
  if (!session || session.expiresAt.getTime() <= Date.now()) return null;
  const { id, email, role } = session.user;
  return isRole(role) ? { id, email, role } : null;
}

export async function deleteSession(token: string): Promise<void> {
  await getDb().session.deleteMany({ where: { tokenHash: hashToken(token) } });
}

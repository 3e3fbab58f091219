import { getDb } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { parseWith } from "../http/request.ts";
import { moduleLogger } from "../log.ts";
import type { SessionUser } from "../view-types.ts";
import { LoginSchema } from "./credentials.ts";
import { decoyHash, verifyPassword } from "./password.ts";
import { isRole } from "./roles.ts";
import { createSession, type IssuedSession } from "./session-store.ts";

export interface LogInOptions {
  email: string;
  password: string;
}

/** One message for unknown email and wrong password: no account enumeration. */
const BAD_CREDENTIALS = "Wrong email or password";

export async function logIn(options: LogInOptions): Promise<{ user: SessionUser; session: IssuedSession }> {
  const { email, password } = parseWith(LoginSchema, options);
  const db = getDb();
  const found = await db.user.findUnique({ where: { email } });
  // Always run one scrypt so timing does not tell whether the email exists.
  const ok = await verifyPassword(password, found?.passwordHash ?? (await decoyHash()));
  if (!found || !ok || !isRole(found.role)) {
    moduleLogger("auth").info({ outcome: "rejected" }, "login failed");
    throw new AppError("unauthenticated", BAD_CREDENTIALS);
  }
  const session = await db.$transaction((tx) => createSession(tx, found.id));
  return { user: { id: found.id, email: found.email, role: found.role }, session };
}

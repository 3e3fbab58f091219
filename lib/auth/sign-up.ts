import { getDb } from "../db/client.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { AppError } from "../errors.ts";
import { moduleLogger } from "../log.ts";
import { insertUser, prepareUser } from "../users/create-user.ts";
import type { SessionUser } from "../view-types.ts";
import { CredentialsSchema } from "./credentials.ts";
import { parseWith } from "../http/request.ts";
import { createSession, type IssuedSession } from "./session-store.ts";

export interface SignUpOptions {
  email: string;
  password: string;
}

/** Creates the account and signs it in, atomically: no account without its first session. */
export async function signUp(options: SignUpOptions): Promise<{ user: SessionUser; session: IssuedSession }> {
  const input = parseWith(CredentialsSchema, options);
  const prepared = await prepareUser(input);
  try {
    const result = await getDb().$transaction(async (tx) => {
      const user = await insertUser(tx, prepared);
      const session = await createSession(tx, user.id);
      return { user, session };
    });
    moduleLogger("auth").info({ userId: result.user.id, role: result.user.role }, "signed up");
    return result;
  } catch (err) {
    // The pre-check inside the transaction covers the usual case; a race
    // between two signups surfaces here as the unique index firing.
    if (isUniqueViolation(err)) throw new AppError("conflict", "An account with this email already exists", { issues: [{ path: "email", message: "Already registered" }] });
    throw err;
  }
}

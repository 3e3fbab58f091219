/**
 * Creating an account, shared by signup and the CLI. The very first account
 * becomes admin unless a role is given explicitly (the CLI always gives one).
 */
import { AppError } from "../errors.ts";
import { hashPassword } from "../auth/password.ts";
import { isUniqueViolation } from "../db/errors.ts";
import type { DbTx } from "../db/client.ts";
import type { Role, SessionUser } from "../view-types.ts";

export interface NewUser {
  /** Already normalised (trimmed, lower-case) by EmailSchema. */
  email: string;
  password: string;
  role?: Role;
}

/** Hash outside any transaction: scrypt takes ~100 ms and must not hold the write lock. */
export async function prepareUser(input: NewUser): Promise<{ email: string; passwordHash: string; role?: Role }> {
  return { email: input.email, passwordHash: await hashPassword(input.password), ...(input.role ? { role: input.role } : {}) };
}

export async function insertUser(tx: DbTx, user: { email: string; passwordHash: string; role?: Role }): Promise<SessionUser> {
  const taken = await tx.user.findUnique({ where: { email: user.email }, select: { id: true } });
  if (taken) throw emailTaken();
  let created;
  try {
    // Insert first, count second: the insert takes SQLite's write lock, so two
    // simultaneous first signups cannot both see an empty table and both
    // become admin.
    created = await tx.user.create({ data: { email: user.email, passwordHash: user.passwordHash, role: user.role ?? "candidate" } });
  } catch (err) {
    if (isUniqueViolation(err)) throw emailTaken();
    throw err;
  }
  if (!user.role && (await tx.user.count()) === 1) {
    created = await tx.user.update({ where: { id: created.id }, data: { role: "admin" } });
  }
  return { id: created.id, email: created.email, role: created.role };
}

function emailTaken(): AppError {
  return new AppError("conflict", "An account with this email already exists", { issues: [{ path: "email", message: "Already registered" }] });
}

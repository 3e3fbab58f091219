/** Recognising database errors that mean something to the caller. */
import { Prisma } from "../../generated/prisma/client.ts";

/** A unique constraint rejected the write (e.g. an email already taken). */
export function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
}

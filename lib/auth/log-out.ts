import { deleteSession } from "./session-store.ts";

export interface LogOutOptions {
  /** The cookie token; logging out without one is a no-op, not an error. */
  token: string | undefined;
}

export async function logOut(options: LogOutOptions): Promise<void> {
  if (options.token) await deleteSession(options.token);
}

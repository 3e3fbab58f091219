/**
 * Who may do what, in one place. Services call `assertCan` before touching
 * data; route handlers never decide access themselves.
 *
 * Signed-out visitors may browse problems. Any signed-in user works on their
 * own drafts, runs and submissions. Reading someone else's submission is for
 * mentors (they review candidates) and admins.
 *
 * Troubleshooting round: a candidate opens and types into their own
 * simulated hosts only.
 *
 * Design round: a candidate rates their own submission and asks for a review;
 * mentors and admins list the review queue and review anyone's submission but
 * their own.
 */
import { AppError } from "../errors.ts";
import type { Role, SessionUser } from "../view-types.ts";

export type Action =
  | "problem.browse"
  | "draft.use"
  | "solution.run"
  | "solution.submit"
  | "submission.list"
  | "submission.read"
  | "user.create"
  | "design.own"
  | "design.review"
  | "host.use";

/** The resource an action is about, when ownership matters. */
export interface OwnedResource {
  ownerId: string;
}

const REVIEWERS: readonly Role[] = ["mentor", "admin"];

const SIGNED_OUT_ALLOWED: ReadonlySet<Action> = new Set(["problem.browse"]);

export function can(user: SessionUser | null, action: Action, resource?: OwnedResource): boolean {
  if (!user) return SIGNED_OUT_ALLOWED.has(action);
  switch (action) {
    case "problem.browse":
    case "draft.use":
    case "solution.run":
    case "solution.submit":
    case "submission.list":
      return true;
    case "submission.read":
      return resource !== undefined && (resource.ownerId === user.id || REVIEWERS.includes(user.role));
    case "user.create":
      return user.role === "admin";
    case "design.own":
      return resource !== undefined && resource.ownerId === user.id;
    case "design.review":
      return REVIEWERS.includes(user.role) && (resource === undefined || resource.ownerId !== user.id);
    case "host.use":
      // A simulated host belongs to the candidate who opened it; nobody else types into it.
      return resource === undefined || resource.ownerId === user.id;
  }
}

/** Throws `unauthenticated` (signed out, must sign in) or `forbidden`. */
export function assertCan(user: SessionUser | null, action: Action, resource?: OwnedResource): void {
  if (can(user, action, resource)) return;
  if (!user) throw new AppError("unauthenticated", "Sign in first");
  throw new AppError("forbidden", "You are not allowed to do that");
}

/** `assertCan` for actions that need an account; returns the user, narrowed. */
export function requireUserFor(user: SessionUser | null, action: Action, resource?: OwnedResource): SessionUser {
  if (!user) throw new AppError("unauthenticated", "Sign in first");
  assertCan(user, action, resource);
  return user;
}

/** Signed in at all: the first check of actions decided per resource once it is loaded. */
export function requireSignedIn(user: SessionUser | null): SessionUser {
  if (!user) throw new AppError("unauthenticated", "Sign in first");
  return user;
}

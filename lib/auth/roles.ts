import type { Role } from "../view-types.ts";

export const ROLES: readonly Role[] = ["candidate", "mentor", "admin"];

export function isRole(v: unknown): v is Role {
  return typeof v === "string" && (ROLES as readonly string[]).includes(v);
}

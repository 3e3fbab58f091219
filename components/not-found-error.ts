/** True for the backend's AppError with code "not_found" (lib/errors.ts), checked by shape. */
export function isNotFound(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "not_found";
}

import { json } from "../../../lib/http/response.ts";

/** Liveness: the process answers. Readiness (database, graders) is /api/ready. */
export const dynamic = "force-dynamic";

export function GET(): Response {
  return json({ status: "ok" });
}

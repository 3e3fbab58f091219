import { json } from "../../../lib/http/response.ts";
import { handle } from "../../../lib/http/route.ts";
import { checkReadiness } from "../../../lib/ops/readiness.ts";

export const dynamic = "force-dynamic";

/** 200 when the database and the graders answer; 503 naming the failing check. */
export function GET(): Promise<Response> {
  return handle(async () => {
    const { ready, checks } = await checkReadiness();
    if (ready) return json({ status: "ready", checks });
    const failing = Object.entries(checks).filter(([, v]) => v !== "ok").map(([k]) => k);
    return json(
      { status: "unavailable", checks, error: { code: "unavailable", message: `Not ready: ${failing.join(", ")}` } },
      { status: 503 },
    );
  });
}

import { handle } from "../../../lib/http/route.ts";
import { getMetrics } from "../../../lib/metrics.ts";

export const dynamic = "force-dynamic";

/** Prometheus text exposition of this process's registry. */
export function GET(): Promise<Response> {
  return handle(async () => {
    const { registry } = getMetrics();
    return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
  });
}

/** GET: the caller's current host for a troubleshooting problem (created on first visit). */
import { getUserFromRequest } from "../../../../../lib/auth/request-user.ts";
import { json } from "../../../../../lib/http/response.ts";
import { handle } from "../../../../../lib/http/route.ts";
import { openHostRun } from "../../../../../lib/troubleshoot/host-runs.ts";

export function GET(req: Request, ctx: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    const { slug } = await ctx.params;
    return json({ run: await openHostRun({ user: await getUserFromRequest(req), slug }) });
  });
}

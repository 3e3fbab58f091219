/** POST: a fresh host, same seed or a new one. */
import { getUserFromRequest } from "../../../../../../lib/auth/request-user.ts";
import { readJson } from "../../../../../../lib/http/request.ts";
import { json } from "../../../../../../lib/http/response.ts";
import { handle } from "../../../../../../lib/http/route.ts";
import { resetHostRun, ResetSchema } from "../../../../../../lib/troubleshoot/host-runs.ts";

export function POST(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = await ctx.params;
    const user = await getUserFromRequest(req);
    const body = await readJson(req, ResetSchema);
    return json({ run: await resetHostRun({ user, runId: id, ...body }) });
  });
}

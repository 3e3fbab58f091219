/** POST: run one command line on the simulated host. */
import { getUserFromRequest } from "../../../../../../lib/auth/request-user.ts";
import { readJson } from "../../../../../../lib/http/request.ts";
import { json } from "../../../../../../lib/http/response.ts";
import { handle } from "../../../../../../lib/http/route.ts";
import { runHostCommand, RunCommandSchema } from "../../../../../../lib/troubleshoot/host-runs.ts";

export function POST(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = await ctx.params;
    const user = await getUserFromRequest(req);
    const body = await readJson(req, RunCommandSchema);
    return json(await runHostCommand({ user, runId: id, ...body }));
  });
}
